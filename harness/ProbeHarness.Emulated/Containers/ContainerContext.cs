namespace ProbeHarness.Emulated.Containers;

/// <summary>What a container's processes (its main process and every exec) run with: env, working directory, path map and command resolution.</summary>
/// <param name="Description">Names the container in messages and process records, e.g. <c>ns/pod/app #1</c>.</param>
/// <param name="Environment">The container's environment.</param>
/// <param name="WorkingDirectory">The host directory the processes start in.</param>
/// <param name="Paths">The container's path map.</param>
/// <param name="MulticallPath">The image's multicall binary on this host, or null.</param>
/// <param name="InstanceDirectory">The instance's private directory (its <c>/tmp</c> and home live here).</param>
/// <param name="LogFile">The instance's log file (stdout and stderr).</param>
internal sealed record ContainerContext(
    string Description,
    ContainerEnvironment Environment,
    string WorkingDirectory,
    ContainerPathMap Paths,
    string? MulticallPath,
    string InstanceDirectory,
    string LogFile)
{
    /// <summary>The PATH commands are searched along.</summary>
    public string SearchPath => Environment.Lookup("PATH") ?? Images.ExecutableSearch.HostPath;

    /// <summary>Maps and resolves a container argv to a host argv, or gives the runtime's error.</summary>
    public (IReadOnlyList<string>? Argv, string? Error) ToHostArgv(IEnumerable<string> argv) =>
        CommandResolution.Resolve(argv.Select(Paths.MapText).ToList(), MulticallPath, SearchPath);
}
