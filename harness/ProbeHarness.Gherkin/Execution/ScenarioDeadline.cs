namespace ProbeHarness.Gherkin.Execution;

/// <summary>
/// The deadline of one running scenario, in its Reqnroll scenario container: steps and hooks pass <see cref="Token"/>
/// to what they wait on; the adapter runs no further step once it has passed and fails the scenario naming the timeout.
/// </summary>
public sealed class ScenarioDeadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    /// <summary>Starts the deadline <paramref name="timeout"/> from now; <paramref name="outer"/> (the test's token) cancels too.</summary>
    public ScenarioDeadline(ScenarioTimeout timeout, CancellationToken outer)
    {
        ArgumentNullException.ThrowIfNull(timeout);
        Timeout = timeout;
        _timer = new CancellationTokenSource(timeout.Value);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, outer);
    }

    /// <summary>The scenario's timeout.</summary>
    public ScenarioTimeout Timeout { get; }

    /// <summary>Cancelled when the deadline passes or the test is cancelled.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>True once the deadline has passed (not when only the test was cancelled).</summary>
    public bool HasPassed => _timer.IsCancellationRequested;

    /// <summary>Stops the timer.</summary>
    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
