namespace ProbeHarness.Reporting.Benchmark;

/// <summary>The suite's critical path: the longest scenario that ran, which no concurrency can shorten.</summary>
/// <param name="Scenario">Its title.</param>
/// <param name="Feature">Its feature's title.</param>
/// <param name="Seconds">Its wall time.</param>
public sealed record LongestScenario(string Scenario, string Feature, double Seconds);
