namespace ProbeHarness.Reporting.Benchmark;

/// <summary>The machine's one-minute load average over a suite run, from the samples in <c>run/suite.json</c>.</summary>
/// <param name="Samples">How many samples were taken.</param>
/// <param name="Min">The lowest sample.</param>
/// <param name="Mean">The mean of the samples.</param>
/// <param name="Max">The highest sample.</param>
public sealed record LoadSummary(int Samples, double Min, double Mean, double Max);
