namespace ProbeHarness.Emulated.Images;

/// <summary>Finds commands as <c>execvp</c> would: a name with a slash is taken as a path, else each <c>PATH</c> entry is tried.</summary>
public static class ExecutableSearch
{
    /// <summary>The host's PATH, with the usual system folders when it is unset.</summary>
    public static string HostPath => Environment.GetEnvironmentVariable("PATH") is { Length: > 0 } path
        ? path
        : "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>The full path of <paramref name="command"/> searched along <paramref name="path"/>, or null when it is not there.</summary>
    public static string? Find(string command, string path)
    {
        if (command.Length == 0)
        {
            return null;
        }

        if (command.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutable(command) ? command : null;
        }

        foreach (var folder in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, command);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The dotnet host: <c>DOTNET_HOST_PATH</c> (set by the SDK), else <c>dotnet</c> on PATH, else the default install folders.</summary>
    public static string FindDotnet()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && IsExecutable(hostPath))
        {
            return hostPath;
        }

        return Find("dotnet", HostPath)
            ?? new[] { "/usr/share/dotnet/dotnet", "/usr/lib/dotnet/dotnet", "/usr/local/share/dotnet/dotnet" }.FirstOrDefault(IsExecutable)
            ?? throw new FileNotFoundException("the dotnet host was not found (DOTNET_HOST_PATH, PATH, /usr/share/dotnet): the emulated backend runs the target app with it", "dotnet");
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
