namespace ProbeHarness.Reporting.Model;

/// <summary>The one model every report output (JSON, Markdown, HTML, JUnit) is written from.</summary>
public sealed record ResilienceReport
{
    /// <summary>The version of report.json's shape; bumped when a reader must change.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>Backend, versions, host, times and counts of the run.</summary>
    public required ReportHeader Header { get; init; }

    /// <summary>The conformance and timing scores, each with its explanation.</summary>
    public required ReportScores Scores { get; init; }

    /// <summary>One row per scenario run, in feature file then start order.</summary>
    public required IReadOnlyList<ScenarioRow> Scenarios { get; init; }

    /// <summary>The files beside the report (JUnit, TRX, Cucumber HTML/NDJSON), relative to the report folder.</summary>
    public required ReportArtifacts Artifacts { get; init; }

    /// <summary>This run and the runs before it (from <c>--previous</c>), oldest first, so trends accumulate.</summary>
    public required IReadOnlyList<RunHistoryEntry> History { get; init; }
}
