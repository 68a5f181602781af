using System.Diagnostics;
using System.Text;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Scrubbing;
using ProbeHarness.Reporting.Timeline;

namespace ProbeHarness.Reporting.Writers;

/// <summary>Builds the report model once and writes every output into the report folder.</summary>
/// <param name="log">Receives one progress line per step, with its duration.</param>
/// <param name="time">The clock (for the report's start time when nothing else gives one).</param>
public sealed class ReportFolderWriter(Action<string> log, TimeProvider time)
{
    /// <summary>A writer on the system clock.</summary>
    public ReportFolderWriter(Action<string> log)
        : this(log, TimeProvider.System)
    {
    }

    /// <summary>Reads the inputs, builds the model and writes report.json, report.md, index.html, junit.xml, timelines/ and copies.</summary>
    /// <exception cref="ReportInputException">The results folder, the previous report or the TRX cannot be read.</exception>
    public ResilienceReport Write(ReportFolderRequest request)
    {
        var clock = Stopwatch.StartNew();
        var records = ScenarioRecordReader.ReadFolder(request.ResultsFolder);
        Step($"read {records.Records.Count} scenario record(s) from {request.ResultsFolder}" +
             (records.Problems.Count > 0 ? $", {records.Problems.Count} unreadable" : string.Empty), clock);

        var problems = records.Problems.ToList();
        var suite = ReadSuite(request.ResultsFolder, problems);
        if (suite is not null)
        {
            Step($"read {SuiteRun.RelativePath}: {suite.Backend}, cap {suite.ConcurrencyCap}, {(suite.Load ?? []).Count} load sample(s)", clock);
        }

        TrxSummary? trx = null;
        if (request.Trx is { } trxFile)
        {
            if (File.Exists(trxFile))
            {
                trx = TrxReader.Read(trxFile);
                Step($"read {trxFile}: {trx.Total} test(s), {trx.Failed} failed", clock);
            }
            else
            {
                problems.Add($"{trxFile}: the TRX file was not written (did the test run start?).");
            }
        }

        var history = request.Previous is { } previous ? PreviousReportReader.ReadHistory(previous) : null;
        if (request.Previous is not null)
        {
            Step(history is null
                ? $"no report.json under {request.Previous}: no trend this time"
                : $"read {history.Count} earlier run(s) from {request.Previous}", clock);
        }

        var selected = ReadSelected(request.Selected, problems);
        if (request.Selected is not null)
        {
            Step($"read {selected.Count} selected test name(s) from {request.Selected}", clock);
        }

        Directory.CreateDirectory(request.OutputFolder);
        var artifacts = CopyArtifacts(request, trx is null ? null : request.Trx);
        var report = new ReportBuilder(time).Build(new ReportInputs
        {
            Records = records with { Problems = problems },
            Trx = trx,
            PreviousHistory = history,
            Backend = request.Backend,
            SuiteWallSeconds = request.SuiteWallSeconds,
            Suite = suite,
            Artifacts = artifacts,
            Selected = selected,
        });
        Step($"built the report: {RowText.Counts(report.Header.Counts)}", clock);

        // Pictures of an earlier run in the same folder would otherwise linger beside this run's.
        var timelines = Path.Combine(request.OutputFolder, "timelines");
        if (Directory.Exists(timelines))
        {
            Directory.Delete(timelines, recursive: true);
        }

        Directory.CreateDirectory(timelines);
        var svgs = report.Scenarios.ToDictionary(row => row.TimelineImage, TimelinePlot.ToSvg);
        foreach (var (file, svg) in svgs)
        {
            File.WriteAllText(Path.Combine(request.OutputFolder, file), svg, Utf8);
        }

        Step($"drew {svgs.Count} timeline(s)", clock);

        File.WriteAllText(Path.Combine(request.OutputFolder, "report.json"), JsonReportWriter.Write(report), Utf8);
        File.WriteAllText(Path.Combine(request.OutputFolder, "report.md"), MarkdownReportWriter.Write(report), Utf8);
        var sections = request.Sections.Select(section => Compute(section, request.ResultsFolder)).OfType<ReportSection>().ToList();
        if (request.Sections.Count > 0)
        {
            Step($"computed {sections.Count} extra section(s)", clock);
        }

        File.WriteAllText(Path.Combine(request.OutputFolder, "index.html"), HtmlReportWriter.Write(report, row => svgs[row.TimelineImage], sections), Utf8);
        JUnitWriter.Write(report).Save(Path.Combine(request.OutputFolder, artifacts.JUnit));
        Step($"wrote report.json, report.md, index.html and {artifacts.JUnit} to {request.OutputFolder}", clock);
        return report;
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // A suite file that does not read is a problem the report lists, like an unreadable record; the report is still written.
    private static SuiteRun? ReadSuite(string resultsFolder, List<string> problems)
    {
        try
        {
            return SuiteRunReader.ReadFolder(resultsFolder);
        }
        catch (ReportInputException failure)
        {
            problems.Add(failure.Message);
            return null;
        }
    }

    private static IReadOnlyList<string> ReadSelected(string? file, List<string> problems)
    {
        if (file is null)
        {
            return [];
        }

        if (!File.Exists(file))
        {
            problems.Add($"{file}: the list of selected tests was not written, so tests that did not run cannot be named.");
            return [];
        }

        return File.ReadAllLines(file).Select(line => line.Trim()).Where(line => line.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static ReportArtifacts CopyArtifacts(ReportFolderRequest request, string? trx)
    {
        string? trxCopy = null;
        if (trx is not null)
        {
            trxCopy = Path.GetFileName(trx);
            CopyScrubbed(trx, Path.Combine(request.OutputFolder, trxCopy));
        }

        var output = Path.GetFullPath(request.OutputFolder);
        var cucumber = request.Cucumber
            .Concat(CucumberFiles(request.ResultsFolder))
            .Concat(CucumberFiles(output).Where(f => Path.GetFileName(f) != "index.html"))
            .Where(File.Exists)
            .Select(Path.GetFullPath)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var copies = new List<string>();
        foreach (var file in cucumber)
        {
            // Reqnroll's formatters may already write into the report folder (HARNESS_REPORT_DIR): link those where they are.
            var inside = file.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            var relative = inside ? Path.GetRelativePath(output, file).Replace('\\', '/') : $"cucumber/{Path.GetFileName(file)}";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(output, relative))!);
            CopyScrubbed(file, Path.Combine(output, relative));
            copies.Add(relative);
        }

        return new ReportArtifacts("junit.xml", trxCopy, copies);
    }

    private static IEnumerable<string> CucumberFiles(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*.ndjson").Concat(Directory.EnumerateFiles(folder, "*.html"))
        : [];

    // The copies are part of the report, so their data is scrubbed like everything else; their code is not touched.
    private static void CopyScrubbed(string from, string to) =>
        File.WriteAllText(to, ArtifactScrubber.Scrub(File.ReadAllText(from), ArtifactFormats.Of(from)), Utf8);

    // An extra section is a courtesy of another tool: one that fails says so in the report instead of failing it.
    private static ReportSection? Compute(Func<string, ReportSection?> section, string resultsFolder)
    {
        try
        {
            return section(resultsFolder);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var message = (e is TypeInitializationException { InnerException: { } inner } ? inner : e).Message;
            return new ReportSection("section-error", "A report section could not be computed", $"<p>{System.Net.WebUtility.HtmlEncode(message)}</p>");
        }
    }

    private void Step(string what, Stopwatch clock)
    {
        log($"{what} ({clock.Elapsed.TotalSeconds:0.00} s)");
        clock.Restart();
    }
}
