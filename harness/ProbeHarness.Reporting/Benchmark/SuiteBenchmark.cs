namespace ProbeHarness.Reporting.Benchmark;

/// <summary>A suite run's speed: wall, critical path, concurrency, the harness's overhead, the machine's load and the targets.</summary>
public sealed record SuiteBenchmark
{
    /// <summary>The backend the suite ran on (<c>run/suite.json</c>'s, else the records').</summary>
    public required string Backend { get; init; }

    /// <summary>True when the emulated backend ran the scenarios; the targets are then the emulated ones.</summary>
    public required bool Emulated { get; init; }

    /// <summary>The machine that ran the suite, when known.</summary>
    public string? Host { get; init; }

    /// <summary>The machine's processor count, when <c>run/suite.json</c> says it.</summary>
    public int? ProcessorCount { get; init; }

    /// <summary>How many scenarios were allowed to run at once, when <c>run/suite.json</c> says it.</summary>
    public int? ConcurrencyCap { get; init; }

    /// <summary>When the run started (<c>run/suite.json</c>'s start, else the first scenario's); null when nothing ran.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>How many scenario records there are, skipped ones included.</summary>
    public required int Scenarios { get; init; }

    /// <summary>How many scenarios that ran carry their phases.</summary>
    public required int Measured { get; init; }

    /// <summary>How many scenarios that ran carry no phases (older runs, authoring errors): "not measured".</summary>
    public required int NotMeasured { get; init; }

    /// <summary>How many scenarios were skipped (counted, left out of every sum and statistic).</summary>
    public required int Skipped { get; init; }

    /// <summary>Wall: from the first scenario's start to the last scenario's end (skipped scenarios left out); 0 when none ran.</summary>
    public required double WallSeconds { get; init; }

    /// <summary>The whole test run's span with backend start and stop, when <c>run/suite.json</c> exists.</summary>
    public BenchmarkRunSpan? Run { get; init; }

    /// <summary>The longest scenario that ran (the critical path); null when none ran.</summary>
    public LongestScenario? Longest { get; init; }

    /// <summary>The sum of the durations of the scenarios that ran.</summary>
    public required double SumSeconds { get; init; }

    /// <summary>Achieved concurrency: sum of durations / wall; null when the wall is 0.</summary>
    public double? Concurrency { get; init; }

    /// <summary>The harness's overhead per measured scenario; null when none was measured.</summary>
    public BenchmarkSpread? Overhead { get; init; }

    /// <summary>The setup per measured scenario; null when none was measured.</summary>
    public BenchmarkSpread? Setup { get; init; }

    /// <summary>The teardown per measured scenario; null when none was measured.</summary>
    public BenchmarkSpread? Teardown { get; init; }

    /// <summary>The machine's one-minute load average during the run; null when not sampled.</summary>
    public LoadSummary? Load { get; init; }

    /// <summary>The targets of the "suite speed" issue for this backend, each with the measured value and whether it is met.</summary>
    public required IReadOnlyList<BenchmarkTarget> Targets { get; init; }

    /// <summary>The one line the report's header shows, e.g. <c>Suite: 92 s wall, longest scenario 49 s, sum 838 s, 9.1 at once (cap 16), load 10.3 (8.1–12.4), harness overhead p95 0.4 s</c>.</summary>
    public string Summary => BenchmarkText.Summary(this);
}
