using System.Text.Json;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Input;

/// <summary>Reads the suite file (<see cref="SuiteRun.RelativePath"/>) the step library writes beside the scenario records.</summary>
public static class SuiteRunReader
{
    /// <summary>The suite file of <paramref name="resultsFolder"/>, or null when the run wrote none (older runs).</summary>
    /// <exception cref="ReportInputException">The file exists but is not a suite run; the message names the file, line and field.</exception>
    public static SuiteRun? ReadFolder(string resultsFolder)
    {
        var file = FileOf(resultsFolder);
        return File.Exists(file) ? ReadFile(file) : null;
    }

    /// <summary>Where the suite file of <paramref name="resultsFolder"/> is.</summary>
    public static string FileOf(string resultsFolder) =>
        Path.Combine(resultsFolder, SuiteRun.RelativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Reads one suite file, with the options scenario records are read with.</summary>
    /// <exception cref="ReportInputException">The file is missing or not a suite run; the message names the file, line and field path.</exception>
    public static SuiteRun ReadFile(string file)
    {
        if (!File.Exists(file))
        {
            throw new ReportInputException($"{file}: the suite file does not exist.");
        }

        try
        {
            using var stream = File.OpenRead(file);
            return JsonSerializer.Deserialize<SuiteRun>(stream, ScenarioRecordReader.Options)
                ?? throw new ReportInputException($"{file}:1: the file holds null, not a suite run.");
        }
        catch (JsonException failure)
        {
            var line = failure.LineNumber is { } zeroBased ? zeroBased + 1 : 1;
            var path = string.IsNullOrEmpty(failure.Path) ? "$" : failure.Path;
            throw new ReportInputException($"{file}:{line}: {path}: {ScenarioRecordReader.FirstSentence(failure.Message)}", failure);
        }
    }
}
