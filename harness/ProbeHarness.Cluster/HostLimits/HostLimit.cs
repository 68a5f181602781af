namespace ProbeHarness.Cluster.HostLimits;

/// <summary>A limit of the machine running the containers (not of the probe configuration) that can stop a container from starting.</summary>
public enum HostLimit
{
    /// <summary>inotify instances per user (<c>fs.inotify.max_user_instances</c>).</summary>
    InotifyInstances,

    /// <summary>inotify watches per user (<c>fs.inotify.max_user_watches</c>).</summary>
    InotifyWatches,

    /// <summary>Open file descriptors per process (<c>ulimit -n</c>).</summary>
    FileDescriptors,

    /// <summary>Processes or threads per user (<c>ulimit -u</c>, <c>kernel.threads-max</c>).</summary>
    Processes,

    /// <summary>Memory of the machine or of the container's cgroup.</summary>
    Memory,

    /// <summary>A port the container listens on is taken by another process.</summary>
    PortInUse,
}
