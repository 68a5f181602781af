namespace ProbeHarness.Reporting.Writers;

/// <summary>What to build a report folder from, and where.</summary>
public sealed record ReportFolderRequest
{
    /// <summary>The folder of scenario records (<c>HARNESS_RESULTS_DIR</c>).</summary>
    public required string ResultsFolder { get; init; }

    /// <summary>The report folder to write; created when missing.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>A previous report.json, or a folder holding one, for trends; null for none.</summary>
    public string? Previous { get; init; }

    /// <summary>The TRX file the test platform wrote; copied in and read for failures without a record.</summary>
    public string? Trx { get; init; }

    /// <summary>Cucumber HTML/NDJSON files to copy in and link, besides any <c>*.ndjson</c>/<c>*.html</c> in the results folder.</summary>
    public IReadOnlyList<string> Cucumber { get; init; } = [];

    /// <summary>A file listing, one a line, the display names of the tests the run selected (<c>dotnet test --list-tests</c>); null for none.</summary>
    public string? Selected { get; init; }

    /// <summary>The backend asked for, used when no record names one.</summary>
    public string? Backend { get; init; }

    /// <summary>Wall time of the suite as the caller measured it, in seconds.</summary>
    public double? SuiteWallSeconds { get; init; }

    /// <summary>Extra index.html sections computed from the results folder (e.g. the probe advisor's); one that returns null is left out.</summary>
    public IReadOnlyList<Func<string, ReportSection?>> Sections { get; init; } = [];
}
