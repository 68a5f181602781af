namespace ProbeHarness.Cluster.HostLimits;

/// <summary>A container that a host limit stopped, with the log line that shows it.</summary>
/// <param name="Limit">The limit that ran out.</param>
/// <param name="Container">Where it happened, as <c>pod/container</c> (with " (previous)" for the instance before a restart).</param>
/// <param name="Evidence">The log line naming the limit.</param>
/// <param name="LastLogLine">The container's last log line.</param>
public sealed record HostLimitDiagnosis(HostLimit Limit, string Container, string Evidence, string LastLogLine)
{
    /// <summary>The setting a user raises (or the cause to remove) for <see cref="Limit"/>.</summary>
    public string Remedy => Limit switch
    {
        HostLimit.InotifyInstances => "raise fs.inotify.max_user_instances (sysctl) or run fewer processes that watch files",
        HostLimit.InotifyWatches => "raise fs.inotify.max_user_watches (sysctl)",
        HostLimit.FileDescriptors => "raise the open-files limit (ulimit -n, LimitNOFILE)",
        HostLimit.Processes => "raise the process limit (ulimit -u, kernel.threads-max) or run fewer scenarios at once",
        HostLimit.Memory => "free memory on the machine or raise the container's memory limit",
        HostLimit.PortInUse => "stop the process holding the port, or let the scenario use another one",
        _ => throw new ArgumentOutOfRangeException(nameof(Limit), Limit, "unknown host limit"),
    };

    /// <summary>One sentence for the scenario record and the console.</summary>
    public string Describe() =>
        $"host limit, not a probe verdict: {Title} ran out in container {Container} ({Evidence.Trim()}); "
        + $"its last log line: {LastLogLine.Trim()}. Fix: {Remedy}";

    private string Title => Limit switch
    {
        HostLimit.InotifyInstances => "inotify instances",
        HostLimit.InotifyWatches => "inotify watches",
        HostLimit.FileDescriptors => "open file descriptors",
        HostLimit.Processes => "processes/threads",
        HostLimit.Memory => "memory",
        HostLimit.PortInUse => "a free port",
        _ => throw new ArgumentOutOfRangeException(nameof(Limit), Limit, "unknown host limit"),
    };
}
