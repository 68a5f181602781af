namespace ProbeHarness.Reporting.Benchmark;

/// <summary>The whole test run's span as <c>run/suite.json</c> records it, backend start and stop included.</summary>
/// <param name="StartedAt">When the test run started (before the backend).</param>
/// <param name="EndedAt">When it ended (after the backend stopped).</param>
/// <param name="Seconds">From start to end.</param>
/// <param name="BackendStartSeconds">How long the backend took to start.</param>
/// <param name="BackendStopSeconds">How long the backend took to stop.</param>
public sealed record BenchmarkRunSpan(DateTimeOffset StartedAt, DateTimeOffset EndedAt, double Seconds, double BackendStartSeconds, double BackendStopSeconds);
