namespace ProbeHarness.Report.Tests.Samples;

/// <summary>A scratch folder deleted after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("probe-report-cli-").FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Copies a TestData folder (records) into the scratch folder and returns the copy.</summary>
    public string CopyTestData(string name, string? target = null)
    {
        var destination = Combine(target ?? name);
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(TestData.Folder(name)))
        {
            File.Copy(file, System.IO.Path.Combine(destination, System.IO.Path.GetFileName(file)));
        }

        return destination;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
