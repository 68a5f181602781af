using System.Text.Json;
using System.Text.Json.Serialization;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Input;

/// <summary>Reads the scenario records the step library writes (one JSON file per scenario) from a results folder.</summary>
public static class ScenarioRecordReader
{
    /// <summary>The options records are read with: web defaults (camelCase, case-insensitive), comments and trailing commas allowed.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Reads every <c>*.json</c> record directly in <paramref name="folder"/>; a file that does not read becomes a problem naming file, line and field.</summary>
    /// <exception cref="ReportInputException">The folder does not exist.</exception>
    public static RecordSet ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ReportInputException($"{folder}: the results folder does not exist (set --results, or HARNESS_RESULTS_DIR for the suite).");
        }

        var records = new List<LoadedRecord>();
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) == "report.json")
            {
                continue;
            }

            try
            {
                records.Add(new LoadedRecord(file, ReadFile(file)));
            }
            catch (ReportInputException failure)
            {
                problems.Add(failure.Message);
            }
        }

        return new RecordSet(records, problems);
    }

    /// <summary>Reads one record file.</summary>
    /// <exception cref="ReportInputException">The file is not a scenario record; the message names the file, line and field path.</exception>
    public static ScenarioRecord ReadFile(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return JsonSerializer.Deserialize<ScenarioRecord>(stream, Options)
                ?? throw new ReportInputException($"{file}:1: the file holds null, not a scenario record.");
        }
        catch (JsonException failure)
        {
            var line = failure.LineNumber is { } zeroBased ? zeroBased + 1 : 1;
            var path = string.IsNullOrEmpty(failure.Path) ? "$" : failure.Path;
            throw new ReportInputException($"{file}:{line}: {path}: {FirstSentence(failure.Message)}", failure);
        }
    }

    // System.Text.Json repeats the path and position after the first sentence; we already print them.
    internal static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
