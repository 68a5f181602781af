namespace ProbeHarness.TargetApp.Proxy;

/// <summary>The outcome of signalling the app: the processes signalled and when, or why it could not be done.</summary>
/// <param name="ProcessIds">The processes signalled (lowest first); empty on failure.</param>
/// <param name="Signal">The signal's name, e.g. <c>SIGKILL</c>.</param>
/// <param name="At">When the signal was sent (right after <c>kill(2)</c> returned).</param>
/// <param name="Problem">Why nothing was signalled and what would fix it; null on success.</param>
public sealed record AppSignalResult(IReadOnlyList<int> ProcessIds, string Signal, DateTimeOffset At, string? Problem)
{
    /// <summary>Whether the signal was sent.</summary>
    public bool Succeeded => Problem is null;
}
