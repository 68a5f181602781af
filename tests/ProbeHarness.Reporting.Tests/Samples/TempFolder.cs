using System.Text.Json;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Tests.Samples;

/// <summary>A scratch folder deleted after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("probe-report-").FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes records as the step library does (web defaults, camelCase) into a sub-folder and returns it.</summary>
    public string WriteRecords(string folder, params ScenarioRecord[] records)
    {
        var target = Combine(folder);
        Directory.CreateDirectory(target);
        for (var i = 0; i < records.Length; i++)
        {
            File.WriteAllText(System.IO.Path.Combine(target, $"{i + 1:000}.json"), JsonSerializer.Serialize(records[i], ScenarioRecordReader.Options));
        }

        return target;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
