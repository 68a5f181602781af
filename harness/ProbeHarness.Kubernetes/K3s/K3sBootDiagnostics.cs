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

        if (text.Contains("configured to not run on a host using cgroup v1", StringComparison.Ordinal))
        {
            message.Append(
                " Its kubelet refuses this cgroup v1 host (Kubernetes v1.35 made failCgroupV1 the default): boot the host with cgroup v2 " +
                "(systemd.unified_cgroup_hierarchy=1), or pass --kubelet-arg=fail-cgroupv1=false to K3s (the harness does so for rancher/k3s tags from v1.31 when Docker reports cgroup v1).");
        }

        // runc refuses a privileged container where the engine itself lacks capabilities (a restricted host or an unprivileged
        // container): the start fails before K3s writes a line, so the message, not the log, names it.
        var startFailure = failure?.ToString() ?? string.Empty;
        if (startFailure.Contains("unable to apply caps", StringComparison.OrdinalIgnoreCase)
            || (startFailure.Contains("privileged", StringComparison.OrdinalIgnoreCase) && startFailure.Contains("not permitted", StringComparison.OrdinalIgnoreCase)))
        {
            message.Append(
                " The engine could not start a privileged container: Docker itself lacks capabilities a privileged container gets (it runs inside a restricted " +
                "container or user namespace, or the host withholds e.g. CAP_SYS_RESOURCE). Run Docker with all capabilities on the host, or use HARNESS_BACKEND=kubeconfig or emulated.");
        }
        else if (text.Contains("privileged", StringComparison.OrdinalIgnoreCase) || text.Contains("operation not permitted", StringComparison.OrdinalIgnoreCase))
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
