namespace ProbeHarness.Kubernetes.K3s;

/// <summary>A kubeconfig the harness writes: readable by its owner only (mode 0600) and removed when disposed, unless kept.</summary>
public sealed class KubeconfigFile : IDisposable
{
    private bool _kept;

    private KubeconfigFile(string path) => Path = path;

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>Writes a new file; on Unix it is created with mode 0600, never readable by others even for a moment.</summary>
    public static KubeconfigFile Write(string directory, string fileName, string content)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, fileName);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }

        return new KubeconfigFile(path);
    }

    /// <summary>Leaves the file in place after the run, for a person to reach a kept cluster.</summary>
    public void Keep() => _kept = true;

    /// <summary>Deletes the file unless it was kept.</summary>
    public void Dispose()
    {
        if (!_kept)
        {
            File.Delete(Path);
        }
    }
}
