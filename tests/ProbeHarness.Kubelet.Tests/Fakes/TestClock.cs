namespace ProbeHarness.Kubelet.Tests.Fakes;

/// <summary>
/// Drives the fake clock forward timer by timer (to each exact due time), yielding between steps so any continuation runs;
/// no real time passes.
/// </summary>
public sealed class TestClock
{
    /// <summary>The fixed start of every test timeline (a whole second, so truncation effects come from the fakes' latencies only).</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Creates a clock at <see cref="Epoch"/>.</summary>
    public TestClock() => Time = new TrackingTimeProvider(Epoch);

    /// <summary>The time provider handed to the code under test (a tracked <c>FakeTimeProvider</c>).</summary>
    public TrackingTimeProvider Time { get; }

    /// <summary>Time since <see cref="Epoch"/>.</summary>
    public TimeSpan Elapsed => Time.GetUtcNow() - Epoch;

    /// <summary>Seconds from <see cref="Epoch"/> to <paramref name="time"/>.</summary>
    public static double SecondsOf(DateTimeOffset time) => Math.Round((time - Epoch).TotalSeconds, 6);

    /// <summary>Seconds from <see cref="Epoch"/> to <paramref name="time"/> (a UTC <see cref="DateTime"/> from a k8s model).</summary>
    public static double SecondsOf(DateTime? time) => SecondsOf(new DateTimeOffset(DateTime.SpecifyKind(time!.Value, DateTimeKind.Utc)));

    /// <summary>Advances by <paramref name="by"/>, stopping at every timer's due time on the way.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var target = Time.GetUtcNow() + by;
        while (true)
        {
            var next = Time.NextDue();
            if (next is null || next > target)
            {
                break;
            }

            Time.Fake.SetUtcNow(next.Value > Time.GetUtcNow() ? next.Value : Time.GetUtcNow());
            await Task.Yield();
        }

        if (target > Time.GetUtcNow())
        {
            Time.Fake.SetUtcNow(target);
        }

        await Task.Yield();
    }

    /// <summary>Advances until <see cref="Elapsed"/> reaches <paramref name="seconds"/>.</summary>
    public Task AdvanceToAsync(double seconds) => AdvanceAsync(TimeSpan.FromSeconds(seconds) - Elapsed);

    /// <summary>Advances timer by timer until <paramref name="condition"/> holds; fails after <paramref name="limit"/> of fake time.</summary>
    public async Task<TimeSpan> AdvanceUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = Time.GetUtcNow() + limit;
        while (!condition())
        {
            var next = Time.NextDue();
            if (next is null || next > deadline)
            {
                throw new TimeoutException($"condition not met within {limit} of fake time (now {Elapsed.TotalSeconds:0.###} s)");
            }

            Time.Fake.SetUtcNow(next.Value > Time.GetUtcNow() ? next.Value : Time.GetUtcNow());
            await Task.Yield();
        }

        return Elapsed;
    }
}
