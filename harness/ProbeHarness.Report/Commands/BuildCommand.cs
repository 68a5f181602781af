using ProbeHarness.Preflight.Advisor;
using ProbeHarness.Preflight.Output;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Report.Commands;

/// <summary><c>build</c>: reads the records and writes every report output into the report folder.</summary>
public static class BuildCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(CommandArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        arguments.AllowOnly("results", "out", "previous", "trx", "cucumber", "backend", "suite-seconds", "selected");
        var request = new ReportFolderRequest
        {
            ResultsFolder = Path.GetFullPath(arguments.Required("results")),
            OutputFolder = Path.GetFullPath(arguments.Required("out")),
            Previous = arguments.Optional("previous") is { } previous ? Path.GetFullPath(previous) : null,
            Trx = arguments.Optional("trx") is { } trx ? Path.GetFullPath(trx) : null,
            Cucumber = arguments.All("cucumber").Select(Path.GetFullPath).ToList(),
            Backend = arguments.Optional("backend"),
            Selected = arguments.Optional("selected") is { } selected ? Path.GetFullPath(selected) : null,
            SuiteWallSeconds = arguments.Number("suite-seconds"),

            // The preflight of the deployed manifest, and the probe advisor when the records hold a latency or a start.
            Sections = [PreflightSection.ForTargetApp, AdvisorSection.ForTargetApp],
        };

        var report = new ReportFolderWriter(line => stdout.WriteLine($"report: {line}")).Write(request);
        foreach (var problem in report.Header.Problems)
        {
            stderr.WriteLine($"warning: {problem}");
        }

        var label = report.Header.Emulated ? "[emulated] " : string.Empty;
        stdout.WriteLine($"{label}{RowText.Counts(report.Header.Counts)}");
        stdout.WriteLine($"{label}conformance {report.Scores.Conformance.Display}, timing {report.Scores.Timing.Display}, suite wall time {Format.Seconds(report.Header.DurationSeconds)}");
        stdout.WriteLine($"{label}report: {Path.Combine(request.OutputFolder, "index.html")}");
        return report.Header.Problems.Count == 0 ? ReportProgram.Ok : ReportProgram.InputError;
    }
}
