using ProbeHarness.Cluster.Manifests;

namespace ProbeHarness.Preflight.Input;

/// <summary>Expands the paths given to preflight: a file as is, a folder into its <c>*.yaml</c>/<c>*.yml</c> files (recursively, sorted).</summary>
public static class ManifestSources
{
    /// <summary>The files to read, in order and without repeats; a path that is not there, or a folder without YAML, is an error.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, string baseDirectory, ICollection<ManifestException> errors)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(errors);
        var files = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, baseDirectory);
            if (File.Exists(full))
            {
                files.Add(full);
            }
            else if (Directory.Exists(full))
            {
                var found = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                    .Where(file => file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    errors.Add(new ManifestException(Display(full, baseDirectory), null, null, "the folder holds no *.yaml or *.yml file"));
                }

                files.AddRange(found);
            }
            else
            {
                errors.Add(new ManifestException(Display(full, baseDirectory), null, null, "no such file or folder"));
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>How a file is named in findings: relative to <paramref name="baseDirectory"/> with forward slashes when inside it, else its full path.</summary>
    public static string Display(string fullPath, string baseDirectory)
    {
        var relative = Path.GetRelativePath(baseDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? fullPath
            : relative.Replace('\\', '/');
    }
}
