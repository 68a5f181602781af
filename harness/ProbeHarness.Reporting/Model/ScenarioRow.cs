namespace ProbeHarness.Reporting.Model;

/// <summary>One scenario run as the report shows it: the record's facts (scrubbed), its verdict and its trend.</summary>
public sealed record ScenarioRow
{
    /// <summary>Identity across runs and backends: <c>featureFile :: scenario</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The feature's title.</summary>
    public required string Feature { get; init; }

    /// <summary>The feature file, relative to the repository root.</summary>
    public required string FeatureFile { get; init; }

    /// <summary>The 1-based line of the scenario, or of its authoring error, in the feature file; null when unknown.</summary>
    public int? Line { get; init; }

    /// <summary><c>path:line</c> when the line is known, else the feature file.</summary>
    public string Location => Line is { } line ? $"{FeatureFile}:{line}" : FeatureFile;

    /// <summary>The scenario's title.</summary>
    public required string Scenario { get; init; }

    /// <summary>The scenario's tags without <c>@</c>.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>The backend that ran it.</summary>
    public required string Backend { get; init; }

    /// <summary>True when the emulated backend ran it.</summary>
    public required bool Emulated { get; init; }

    /// <summary>What every line about this row starts with, e.g. <c>[emulated]</c> or <c>[k3s]</c>.</summary>
    public string Label => Emulated ? "[emulated]" : $"[{Backend}]";

    /// <summary>The record's outcome: passed, failed, skipped or environment-error.</summary>
    public required string Outcome { get; init; }

    /// <summary>The failure or skip reason (scrubbed).</summary>
    public string? Message { get; init; }

    /// <summary>The report's verdict.</summary>
    public required ScenarioVerdict Verdict { get; init; }

    /// <summary>Why the verdict is what it is, in one line.</summary>
    public required string VerdictReason { get; init; }

    /// <summary>When the scenario started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall time of the scenario in seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>The probes as configured.</summary>
    public required IReadOnlyList<ProbeSettings> Probes { get; init; }

    /// <summary>The faults injected.</summary>
    public required IReadOnlyList<FaultRecord> Faults { get; init; }

    /// <summary>The expectations and whether they held (scrubbed).</summary>
    public required IReadOnlyList<ExpectationRecord> Expectations { get; init; }

    /// <summary>Every timing measured, with its window.</summary>
    public required IReadOnlyList<TimingRecord> Timings { get; init; }

    /// <summary>The detection timing: the first bounded timing that is neither an action nor a recovery, else the first bounded one.</summary>
    public TimingRecord? Detection { get; init; }

    /// <summary>The first action timing (kill, restart, endpoint change).</summary>
    public TimingRecord? Action { get; init; }

    /// <summary>The first recovery timing.</summary>
    public TimingRecord? Recovery { get; init; }

    /// <summary>What happened, on one time axis (scrubbed).</summary>
    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

    /// <summary>The timeline picture's path relative to the report folder, e.g. <c>timelines/003-liveness-restart.svg</c>.</summary>
    public required string TimelineImage { get; init; }

    /// <summary>Logs, events and dumps (scrubbed); kept only for rows whose verdict does not hold.</summary>
    public ScenarioDiagnostics? Diagnostics { get; init; }

    /// <summary>What was measured of a user's own app behind the probe fault proxy, or null.</summary>
    public OwnAppRecord? OwnApp { get; init; }

    /// <summary>The trend across runs, when a previous report was given.</summary>
    public ScenarioTrend? Trend { get; init; }

    /// <summary>True when the run before this one gave this scenario another verdict.</summary>
    public bool VerdictChanged => Trend?.PreviousVerdict is { } previous && previous != Verdict.ToKey();
}
