namespace ProbeHarness.Reporting.Model;

/// <summary>The report's two scores.</summary>
/// <param name="Conformance">Share of judged scenarios whose verdict holds.</param>
/// <param name="Timing">Share of bounded timings measured within their window.</param>
public sealed record ReportScores(Score Conformance, Score Timing);
