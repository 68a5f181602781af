namespace ProbeHarness.Emulated.Tests.Images;

/// <summary>A private directory for image map files and the files their entries run; deleted on dispose.</summary>
internal sealed class TemporaryMapDirectory : IDisposable
{
    /// <summary>Creates the directory.</summary>
    public TemporaryMapDirectory() => Path = Directory.CreateTempSubdirectory("emulated-images-test-").FullName;

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="json"/> as <c>images.json</c> and returns its path.</summary>
    public string WriteMap(string json) => WriteFile("images.json", json);

    /// <summary>Writes a file (directories created) and returns its full path.</summary>
    public string WriteFile(string relativePath, string content = "")
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
