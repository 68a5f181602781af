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

    /// <summary>The file name for a run: <c>k3s-&lt;run&gt;-&lt;pid&gt;.yaml</c>, so a later run can tell whether its writer still lives.</summary>
    public static string FileNameFor(string runId) => $"k3s-{runId}-{Environment.ProcessId}.yaml";

    /// <summary>Leaves the file in place after the run, for a person to reach a kept cluster (a <c>.kept</c> marker keeps later runs off it).</summary>
    public void Keep()
    {
        _kept = true;
        File.WriteAllText(Path + ".kept", string.Empty);
    }

    /// <summary>Deletes kubeconfigs (admin credentials) that killed runs left in <paramref name="directory"/>: their writer's process is gone and they were not kept.</summary>
    /// <returns>The paths deleted.</returns>
    public static IReadOnlyList<string> RemoveLeftovers(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory, "k3s-*-*.yaml"))
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(path);
            var pidText = name[(name.LastIndexOf('-') + 1)..];
            if (File.Exists(path + ".kept") || !int.TryParse(pidText, out var pid) || LocalProcess.IsRunning(pid))
            {
                continue;
            }

            File.Delete(path);
            removed.Add(path);
        }

        return removed;
    }


    /// <summary>Deletes the file unless it was kept.</summary>
    public void Dispose()
    {
        if (!_kept)
        {
            File.Delete(Path);
        }
    }
}
