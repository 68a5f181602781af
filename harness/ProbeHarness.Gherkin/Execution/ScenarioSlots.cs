namespace ProbeHarness.Gherkin.Execution;

/// <summary>
/// The run's scenario slots: xunit starts every scenario at once (parallelMode "all", no thread cap) and each waits
/// here for one of <see cref="ScenarioConcurrency"/> slots before its clock, deadline and hooks start; scenarios tagged
/// <c>@long</c> get free slots first.
/// </summary>
public static class ScenarioSlots
{
    private static int _defaultCap = ScenarioConcurrency.DefaultValue;

    private static readonly Lazy<(ScenarioConcurrency Cap, ScenarioGate Gate)> Slots = new(() =>
    {
        var cap = ScenarioConcurrency.FromEnvironment(Environment.GetEnvironmentVariable, Volatile.Read(ref _defaultCap));
        return (cap, new ScenarioGate(cap.Value));
    });

    /// <summary>Sets the cap used when <see cref="ScenarioConcurrency.Variable"/> is not set (a suite's before-test-run hook, e.g. by backend); only before the first scenario.</summary>
    public static void SetDefault(int cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cap, ScenarioConcurrency.Ceiling);
        if (Slots.IsValueCreated)
        {
            throw new InvalidOperationException("The scenario cap is fixed once the first scenario has asked for a slot.");
        }

        Volatile.Write(ref _defaultCap, cap);
    }

    /// <summary>The run's cap (read from the environment once); throws <see cref="FormatException"/> for a bad setting.</summary>
    public static ScenarioConcurrency Cap => Slots.Value.Cap;

    /// <summary>The run's cap, or null with the reason when the setting is refused (for lines that describe the run, not run scenarios).</summary>
    public static (ScenarioConcurrency? Cap, string? Refusal) TryCap()
    {
        try
        {
            return (Cap, null);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Waits for a free slot (before other waiters when <paramref name="isLong"/>); disposing the result frees it.</summary>
    public static async Task<IDisposable> EnterAsync(bool isLong, CancellationToken cancellationToken)
    {
        var gate = Slots.Value.Gate;
        await gate.EnterAsync(isLong, cancellationToken).ConfigureAwait(false);
        return new Slot(gate);
    }

    private sealed class Slot(ScenarioGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
