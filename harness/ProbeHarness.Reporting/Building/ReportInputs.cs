using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Building;

/// <summary>Everything a report is built from.</summary>
public sealed record ReportInputs
{
    /// <summary>The scenario records and the files that could not be read.</summary>
    public required RecordSet Records { get; init; }

    /// <summary>The test platform's TRX summary, when given: adds failed tests that left no record, and the suite's times.</summary>
    public TrxSummary? Trx { get; init; }

    /// <summary>The history of earlier runs (from a previous report.json), oldest first; null when none was given.</summary>
    public IReadOnlyList<RunHistoryEntry>? PreviousHistory { get; init; }

    /// <summary>The backend asked for, used when no record names one (e.g. the backend failed before any scenario).</summary>
    public string? Backend { get; init; }

    /// <summary>Wall time of the suite as the caller measured it, in seconds.</summary>
    public double? SuiteWallSeconds { get; init; }

    /// <summary>The suite file (<see cref="SuiteRun.RelativePath"/>) of the results folder, when the run wrote one: span, concurrency cap, load.</summary>
    public SuiteRun? Suite { get; init; }

    /// <summary>The display names of the tests the run selected; one with no record and no TRX result becomes a "not run" row.</summary>
    public IReadOnlyList<string> Selected { get; init; } = [];

    /// <summary>The files beside the report.</summary>
    public ReportArtifacts Artifacts { get; init; } = new("junit.xml", null, []);
}
