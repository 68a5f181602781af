using ProbeHarness.Emulated.Images;

namespace ProbeHarness.Emulated.Containers;

/// <summary>Turns a container argv into a host argv: the command found along the container's PATH, or run as an applet of the image's multicall binary.</summary>
internal static class CommandResolution
{
    private static readonly Dictionary<string, HashSet<string>> AppletsByBinary = new(StringComparer.Ordinal);

    /// <summary>The host argv, or the runtime's error (runc wording) when the command cannot be run.</summary>
    public static (IReadOnlyList<string>? Argv, string? Error) Resolve(IReadOnlyList<string> argv, string? multicallPath, string pathVariable)
    {
        if (argv.Count == 0)
        {
            return (null, "no command specified");
        }

        var command = argv[0];
        if (multicallPath is not null && Applets(multicallPath).Contains(Path.GetFileName(command)))
        {
            return ([multicallPath, Path.GetFileName(command), .. argv.Skip(1)], null);
        }

        var found = ExecutableSearch.Find(command, pathVariable);
        if (found is null)
        {
            return (null, command.Contains('/', StringComparison.Ordinal)
                ? $"exec: \"{command}\": stat {command}: no such file or directory"
                : $"exec: \"{command}\": executable file not found in $PATH");
        }

        return ([found, .. argv.Skip(1)], null);
    }

    private static HashSet<string> Applets(string multicallPath)
    {
        lock (AppletsByBinary)
        {
            if (!AppletsByBinary.TryGetValue(multicallPath, out var applets))
            {
                applets = new HashSet<string>(ListApplets(multicallPath), StringComparer.Ordinal);
                AppletsByBinary[multicallPath] = applets;
            }

            return applets;
        }
    }

    private static IEnumerable<string> ListApplets(string multicallPath)
    {
        var start = new System.Diagnostics.ProcessStartInfo(multicallPath, "--list")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
