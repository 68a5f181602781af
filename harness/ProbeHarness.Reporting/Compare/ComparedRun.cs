using System.Text.Json;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Compare;

/// <summary>One side of a comparison: the rows of one backend's run.</summary>
/// <param name="Name">The side's name in the table: its backend(s), e.g. <c>emulated</c>.</param>
/// <param name="Rows">The rows, one per scenario.</param>
public sealed record ComparedRun(string Name, IReadOnlyList<ScenarioRow> Rows)
{
    /// <summary>Loads a side from a results folder (scenario records) or a report folder (report.json).</summary>
    /// <exception cref="ReportInputException">Neither records nor a report.json are there, or they do not read.</exception>
    public static ComparedRun Load(string folder)
    {
        var records = ScenarioRecordReader.ReadFolder(folder);
        if (records.Problems.Count > 0)
        {
            throw new ReportInputException(string.Join(Environment.NewLine, records.Problems));
        }

        IReadOnlyList<ScenarioRow> rows;
        if (records.Records.Count > 0)
        {
            rows = new ReportBuilder().Build(new ReportInputs { Records = records }).Scenarios;
        }
        else if (File.Exists(Path.Combine(folder, "report.json")))
        {
            rows = ReadReport(Path.Combine(folder, "report.json")).Scenarios;
        }
        else
        {
            throw new ReportInputException($"{folder}: holds neither scenario records (*.json) nor a report.json.");
        }

        var backends = rows.Select(r => r.Label.Trim('[', ']')).Distinct().Order(StringComparer.Ordinal).ToList();
        return new ComparedRun(backends.Count == 0 ? Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)) : string.Join(",", backends), rows);
    }

    private static ResilienceReport ReadReport(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return JsonSerializer.Deserialize<ResilienceReport>(stream, JsonReportWriter.Options)
                ?? throw new ReportInputException($"{file}:1: the file holds null, not a report.");
        }
        catch (JsonException failure)
        {
            throw new ReportInputException($"{file}:{(failure.LineNumber ?? 0) + 1}: {failure.Path}: not a report.json: {failure.Message}", failure);
        }
    }
}
