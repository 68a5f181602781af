namespace ProbeHarness.Cluster.HostLimits;

/// <summary>Recognises, in container logs, the messages the kernel, libc and .NET print when a host limit runs out.</summary>
public static class HostLimitClassifier
{
    // Texts as printed by .NET (inotify, thread creation), libc strerror (EMFILE, EAGAIN, ENOMEM, EADDRINUSE) and Kestrel.
    private static readonly (HostLimit Limit, string[] AllOf)[] Signatures =
    [
        (HostLimit.InotifyInstances, ["inotify instances"]),
        (HostLimit.InotifyWatches, ["inotify watches"]),
        (HostLimit.FileDescriptors, ["Too many open files"]),
        (HostLimit.Processes, ["Resource temporarily unavailable", "fork"]),
        (HostLimit.Processes, ["Resource temporarily unavailable", "thread"]),
        (HostLimit.Processes, ["pthread_create failed"]),
        (HostLimit.Memory, ["Cannot allocate memory"]),
        (HostLimit.Memory, ["OutOfMemoryException"]),
        (HostLimit.PortInUse, ["Address already in use"]),
    ];

    /// <summary>The limit one log line names, or null.</summary>
    public static HostLimit? Classify(string line)
    {
        foreach (var (limit, allOf) in Signatures)
        {
            if (allOf.All(text => line.Contains(text, StringComparison.OrdinalIgnoreCase)))
            {
                return limit;
            }
        }

        return null;
    }

    /// <summary>The first container whose log names a host limit; <paramref name="logs"/> maps <c>pod/container</c> to its log text.</summary>
    public static HostLimitDiagnosis? Diagnose(IReadOnlyDictionary<string, string> logs)
    {
        foreach (var (container, text) in logs.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var line in lines)
            {
                if (Classify(line) is { } limit)
                {
                    return new HostLimitDiagnosis(limit, container, line, lines[^1]);
                }
            }
        }

        return null;
    }
}
