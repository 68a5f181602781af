namespace ProbeHarness.Reporting.Model;

/// <summary>One wait of a step on cluster state: until something holds, or a window it must hold for.</summary>
/// <param name="StartSeconds">When the wait began, seconds since the scenario started.</param>
/// <param name="EndSeconds">When it ended (held, or failed), seconds since the scenario started.</param>
/// <param name="WindowSeconds">The window's length for a <c>for N s</c> expectation; null for a wait until something holds.</param>
public sealed record WaitRecord(double StartSeconds, double EndSeconds, double? WindowSeconds);
