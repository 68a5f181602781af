using System.Text;

namespace ProbeHarness.Kubernetes.K3s;

/// <summary>Explains a K3s container that did not boot: what failed, the known traps its log points at, and the log's tail.</summary>
public static class K3sBootDiagnostics
{
    /// <summary>How many log lines the message ends with.</summary>
    public const int TailLines = 25;

    /// <summary>The message for a failed boot.</summary>
    /// <param name="image">The K3s image.</param>
    /// <param name="failure">What the start threw, or null when it timed out.</param>
    /// <param name="timeout">The boot timeout.</param>
    /// <param name="log">The container's log (stdout and stderr), or null when it could not be read.</param>
    /// <param name="cgroupVersion">Docker's cgroup version ("1" or "2"), or null when unknown.</param>
    public static string Explain(string image, Exception? failure, TimeSpan timeout, string? log, string? cgroupVersion)
    {
        var message = new StringBuilder();
        message.Append(failure is null
            ? $"K3s ({image}) did not boot within {timeout.TotalSeconds:0} s (set HARNESS_K3S_BOOT_TIMEOUT to allow more on a slow machine)."
            : $"K3s ({image}) failed to start: {failure.Message}");

        var text = log ?? string.Empty;
        if (text.Contains("cgroup", StringComparison.OrdinalIgnoreCase) && (cgroupVersion == "2" || text.Contains("cgroup2", StringComparison.OrdinalIgnoreCase) || text.Contains("(v2)", StringComparison.Ordinal)))
        {
            message.Append(
                " The log points at cgroup v2: K3s needs the host's cgroup namespace and a writable /sys/fs/cgroup (Testcontainers.K3s sets both); " +
                "under rootless Docker the user's systemd slice must delegate cpu, cpuset, io, memory and pids (Delegate=yes), or use rootful Docker.");
        }
        else if (cgroupVersion == "2")
        {
            message.Append(" Docker runs on cgroup v2; if the log shows cgroup errors, rootless Docker needs cgroup delegation (Delegate=yes).");
        }

        if (text.Contains("x509", StringComparison.OrdinalIgnoreCase) || text.Contains("certificate", StringComparison.OrdinalIgnoreCase))
        {
            message.Append(" The log mentions certificates: if Docker runs elsewhere, set TESTCONTAINERS_HOST_OVERRIDE to the address that reaches it.");
        }

        if (text.Contains("privileged", StringComparison.OrdinalIgnoreCase) || text.Contains("operation not permitted", StringComparison.OrdinalIgnoreCase))
        {
            message.Append(" K3s runs privileged; a Docker engine that refuses privileged containers cannot run it (use HARNESS_BACKEND=kubeconfig or emulated).");
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        message.Append(lines.Length == 0
            ? " The container's log was empty or unreadable."
            : $" Last {Math.Min(TailLines, lines.Length)} log lines:\n" + string.Join('\n', lines.TakeLast(TailLines)));
        return message.ToString();
    }
}
