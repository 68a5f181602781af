namespace ProbeHarness.Reporting.Model;

/// <summary>The machine's one-minute load average at one moment of a suite run.</summary>
/// <param name="At">When it was read.</param>
/// <param name="OneMinute">The one-minute load average.</param>
public sealed record LoadSample(DateTimeOffset At, double OneMinute);
