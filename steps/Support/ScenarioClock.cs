namespace ProbeHarness.Steps.Support;

/// <summary>The scenario's time axis: t = 0 when the scenario started; every report time is seconds on this axis.</summary>
public sealed class ScenarioClock
{
    /// <summary>Starts the clock now.</summary>
    public ScenarioClock() => StartedAt = DateTimeOffset.UtcNow;

    /// <summary>When the scenario started (UTC).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The current time (UTC).</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    /// <summary>Time since the scenario started.</summary>
    public TimeSpan Elapsed => Now - StartedAt;

    /// <summary>Seconds from the scenario's start to <paramref name="time"/>.</summary>
    public double SecondsAt(DateTimeOffset time) => Math.Round((time - StartedAt).TotalSeconds, 3);
}
