namespace ProbeHarness.Reporting.Benchmark;

/// <summary>What <c>benchmark.json</c> holds: one run's suite figures and every scenario's, longest first.</summary>
public sealed record BenchmarkReport
{
    /// <summary>The version of benchmark.json's shape; bumped when a reader must change.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The results folder the figures come from, when known.</summary>
    public string? Results { get; init; }

    /// <summary>The commit the run was of, when given.</summary>
    public string? Commit { get; init; }

    /// <summary>The suite's figures and the targets.</summary>
    public required SuiteBenchmark Suite { get; init; }

    /// <summary>One entry per scenario record, by duration, longest first.</summary>
    public required IReadOnlyList<ScenarioBenchmark> Scenarios { get; init; }
}
