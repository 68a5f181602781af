namespace ProbeHarness.TargetApp.Faults;

/// <summary>One change of the fault state: what it was, what it is now, and the instant the new state took effect.</summary>
/// <param name="Previous">The state before the change.</param>
/// <param name="Current">The state after the change.</param>
/// <param name="At">When the new state became the one probes are answered from.</param>
public sealed record FaultChange(FaultSnapshot Previous, FaultSnapshot Current, DateTimeOffset At);
