namespace ProbeHarness.Kubernetes.Watching;

/// <summary>How a dropped watch is resumed.</summary>
/// <param name="MaxFailuresInARow">Failed sessions in a row before the watch gives up with a clear error.</param>
/// <param name="BaseDelay">The first delay before resuming; later ones grow exponentially.</param>
/// <param name="MaxDelay">The longest delay.</param>
/// <param name="HealthyAfter">A watch that ran this long before dropping counts as healthy, so its drop is not a failure.</param>
public sealed record WatchResumeSettings(int MaxFailuresInARow, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan HealthyAfter)
{
    /// <summary>Eight failures in a row (about half a minute) before giving up.</summary>
    public static WatchResumeSettings Default { get; } = new(8, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
}
