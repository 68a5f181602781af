namespace ProbeHarness.Reporting.Model;

/// <summary>How a scenario did across the runs in the history.</summary>
/// <param name="Runs">Runs in the history that include this scenario on the same backend, this one included.</param>
/// <param name="PreviousVerdict">The verdict of the run before this one, when that run had the scenario.</param>
/// <param name="Timings">Per timing, the spread of measured over upper bound across those runs.</param>
public sealed record ScenarioTrend(int Runs, string? PreviousVerdict, IReadOnlyList<TimingTrend> Timings);

/// <summary>Percentiles of one timing's measured/bound ratio across runs (1.0 = at the upper bound).</summary>
/// <param name="Name">The timing's name, e.g. <c>fault→restart</c>.</param>
/// <param name="Samples">How many runs measured it.</param>
/// <param name="P50">Median of measured/bound.</param>
/// <param name="P95">95th percentile of measured/bound.</param>
public sealed record TimingTrend(string Name, int Samples, double P50, double P95);
