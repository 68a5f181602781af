using System.Text.Json;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Input;

/// <summary>Reads the history of an earlier report.json, for trends and verdict changes.</summary>
public static class PreviousReportReader
{
    /// <summary>Reads the history from <paramref name="path"/>: a report.json file, or a folder holding one (its own, else the newest below it).</summary>
    /// <returns>The history, oldest first; null when the folder holds no report.json (a first run).</returns>
    /// <exception cref="ReportInputException">The file is not a report; the message names the file, line and field.</exception>
    public static IReadOnlyList<RunHistoryEntry>? ReadHistory(string path)
    {
        var file = !Directory.Exists(path) ? path
            : File.Exists(Path.Combine(path, "report.json")) ? Path.Combine(path, "report.json")
            : Directory.EnumerateFiles(path, "report.json", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault();
        if (file is null)
        {
            return null;
        }

        if (!File.Exists(file))
        {
            throw new ReportInputException($"{file}: the previous report does not exist.");
        }

        try
        {
            using var stream = File.OpenRead(file);
            var previous = JsonSerializer.Deserialize<PreviousReport>(stream, ScenarioRecordReader.Options);
            return previous?.History ?? throw new ReportInputException($"{file}:1: history: the file has no history array; is it a report.json?");
        }
        catch (JsonException failure)
        {
            throw new ReportInputException($"{file}:{(failure.LineNumber ?? 0) + 1}: {failure.Path}: not a report.json: {failure.Message}", failure);
        }
    }

    private sealed record PreviousReport(IReadOnlyList<RunHistoryEntry>? History);
}
