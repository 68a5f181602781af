using ProbeHarness.Cluster;

namespace ProbeHarness.Emulated.Images;

/// <summary>Checks that the program an image entry runs exists on this host, so a missing build fails at resolution with the fix, not as a start error.</summary>
internal static class CommandFileCheck
{
    /// <summary>Throws <see cref="FileNotFoundException"/> naming the entry, the missing path and how to get it when the entry's program is a missing host file.</summary>
    /// <remarks>The program is the first word of the filled ENTRYPOINT (CMD when there is none) and, when that is the dotnet host, the DLL after it.
    /// Only absolute paths are checked; a multicall entry runs applets, so it is not.</remarks>
    public static void ThrowIfMissing(MappedImage mapped, IReadOnlyList<string> entrypoint, IReadOnlyList<string> cmd)
    {
        if (mapped.Entry.Multicall is { Length: > 0 })
        {
            return;
        }

        var words = entrypoint.Count > 0 ? entrypoint : cmd;
        var program = new List<string>();
        if (words.Count > 0)
        {
            program.Add(words[0]);
            if (words.Count > 1 && Path.GetFileName(words[0]) == "dotnet")
            {
                program.Add(words[1]);
            }
        }

        foreach (var path in program.Where(Path.IsPathRooted))
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{mapped.Describe()}: {path} does not exist; {Fix(path)}", path);
            }
        }
    }

    // A build output (<project>/bin/<configuration>/<tfm>/x.dll) names its project; anything else can only be described.
    private static string Fix(string path)
    {
        var parts = path.Split('/');
        var bin = Array.LastIndexOf(parts, "bin");
        if (bin > 0 && bin == parts.Length - 4)
        {
            var project = string.Join('/', parts[..bin]);
            var configuration = parts[bin + 1] == "Debug" ? "" : $" -c {parts[bin + 1]}";
            return $"build it: dotnet build {FromRepositoryRoot(project)}{configuration} (or correct the entry)";
        }

        return "build or install it, or correct the entry";
    }

    private static string FromRepositoryRoot(string directory)
    {
        try
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, directory);
            return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? directory : relative;
        }
        catch (TypeInitializationException)
        {
            // Not inside a checkout of this repository: the full path is as good.
            return directory;
        }
    }
}
