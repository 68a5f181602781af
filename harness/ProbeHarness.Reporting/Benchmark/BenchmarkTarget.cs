namespace ProbeHarness.Reporting.Benchmark;

/// <summary>One target of the "suite speed" issue with the measured value and whether it is met: recorded, never asserted.</summary>
/// <param name="Name">What is judged, e.g. <c>suite wall</c> or <c>harness overhead</c>.</param>
/// <param name="Rule">The target as stated, e.g. <c>wall ≤ 1.5 × longest + 20 s</c>.</param>
/// <param name="LimitSeconds">The limit the rule gives for this run.</param>
/// <param name="MeasuredSeconds">The value judged; null when the run does not have it (no scenario ran, or none measured).</param>
/// <param name="Met">True when met, false when not, null when it cannot be judged.</param>
/// <param name="Detail">What else to show beside the value, e.g. <c>max 1.2 s</c>; null for nothing.</param>
public sealed record BenchmarkTarget(string Name, string Rule, double LimitSeconds, double? MeasuredSeconds, bool? Met, string? Detail);
