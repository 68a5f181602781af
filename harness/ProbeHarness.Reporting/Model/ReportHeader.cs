using ProbeHarness.Reporting.Benchmark;

namespace ProbeHarness.Reporting.Model;

/// <summary>What the report's header says about the run as a whole.</summary>
public sealed record ReportHeader
{
    /// <summary>The backends the scenarios ran on (normally one), e.g. <c>emulated</c>.</summary>
    public required IReadOnlyList<string> Backends { get; init; }

    /// <summary>True when any scenario ran on the emulated backend (no real kubelet); every output then says so.</summary>
    public required bool Emulated { get; init; }

    /// <summary>The Kubernetes versions the scenarios saw.</summary>
    public required IReadOnlyList<string> KubernetesVersions { get; init; }

    /// <summary>Image digests by image name, when the cluster reported them.</summary>
    public required IReadOnlyDictionary<string, string> ImageDigests { get; init; }

    /// <summary>The machine that ran the scenarios.</summary>
    public required string Host { get; init; }

    /// <summary>When the first scenario (or the suite) started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall time of the suite in seconds (the test run's, else first start to last end of the scenarios).</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>How many scenarios got each verdict, and the totals.</summary>
    public required ReportCounts Counts { get; init; }

    /// <summary>The suite's speed (wall, critical path, concurrency, load, harness overhead), when the results hold <c>run/suite.json</c> or records with phases; else null.</summary>
    public SuiteBenchmark? Benchmark { get; init; }

    /// <summary>What the report could not read or match (unreadable records, failed tests without a record).</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>The line every output shows first, e.g. <c>[emulated] EMULATED — no real kubelet</c>.</summary>
    public string Banner => Emulated
        ? "EMULATED: no real kubelet ran these scenarios; a kubelet emulator on loopback judged them."
        : $"Real kubelet: {string.Join(", ", Backends)}";
}
