using ProbeHarness.Kubernetes.K3s;

namespace ProbeHarness.Kubernetes.Tests.K3s;

public sealed class K3sBootDiagnosticsTests
{
    private const string Image = "rancher/k3s:v1.35.3-k3s1";

    [Fact]
    public void A_timeout_says_so_and_how_to_allow_more()
    {
        // Given a boot that timed out with an ordinary log
        // When it is explained
        var message = K3sBootDiagnostics.Explain(Image, null, TimeSpan.FromSeconds(180), "Starting k3s v1.35.3+k3s1\nWaiting for node", "1");

        // Then the message names image, timeout, the setting, and ends with the log
        Assert.StartsWith($"K3s ({Image}) did not boot within 180 s (set HARNESS_K3S_BOOT_TIMEOUT to allow more on a slow machine).", message);
        Assert.EndsWith("Last 2 log lines:\nStarting k3s v1.35.3+k3s1\nWaiting for node", message);
    }

    [Fact]
    public void A_cgroup_v2_failure_points_at_delegation()
    {
        // Given K3s's cgroup v2 failure
        var log = "level=fatal msg=\"failed to find cpuset cgroup (v2)\"";

        // When it is explained
        var message = K3sBootDiagnostics.Explain(Image, new InvalidOperationException("container exited"), TimeSpan.FromSeconds(180), log, "2");

        // Then the trap and its fix are named
        Assert.StartsWith($"K3s ({Image}) failed to start: container exited", message);
        Assert.Contains("The log points at cgroup v2", message);
        Assert.Contains("Delegate=yes", message);
    }

    [Fact]
    public void Certificate_errors_point_at_the_host_override()
    {
        // Given a log with an x509 error
        // When it is explained
        var message = K3sBootDiagnostics.Explain(Image, null, TimeSpan.FromSeconds(60), "x509: certificate is valid for 127.0.0.1, not 172.17.0.1", null);

        // Then TESTCONTAINERS_HOST_OVERRIDE is named
        Assert.Contains("TESTCONTAINERS_HOST_OVERRIDE", message);
    }

    [Fact]
    public void Only_the_last_lines_of_a_long_log_are_shown()
    {
        // Given a 100-line log
        var log = string.Join('\n', Enumerable.Range(1, 100).Select(line => $"line {line}"));

        // When it is explained
        var message = K3sBootDiagnostics.Explain(Image, null, TimeSpan.FromSeconds(60), log, null);

        // Then the last 25 are there and the earlier ones are not
        Assert.Contains("Last 25 log lines:\nline 76\n", message);
        Assert.EndsWith("line 100", message);
        Assert.DoesNotContain("line 75\n", message);
    }

    [Fact]
    public void An_unreadable_log_is_said()
    {
        // Given no log
        // When it is explained
        var message = K3sBootDiagnostics.Explain(Image, null, TimeSpan.FromSeconds(60), null, null);

        // Then the message says so
        Assert.EndsWith("The container's log was empty or unreadable.", message);
    }

    [Fact]
    public void A_kubelet_that_refuses_cgroup_v1_gets_both_fixes()
    {
        // Given K3s v1.35's kubelet refusing a cgroup v1 host
        var log = "E1020 21:24:39.706440 run.go:72] \"command failed\" err=\"failed to validate kubelet configuration, error: kubelet is configured to not run on a host using cgroup v1. cgroup v1 support is unsupported\"";

        // When it is explained
        var message = K3sBootDiagnostics.Explain(Image, new InvalidOperationException("container exited"), TimeSpan.FromSeconds(180), log, "1");

        // Then cgroup v2 and the kubelet flag are both named, and the cgroup v2 delegation advice is not given
        Assert.Contains("systemd.unified_cgroup_hierarchy=1", message);
        Assert.Contains("--kubelet-arg=fail-cgroupv1=false", message);
        Assert.DoesNotContain("The log points at cgroup v2", message);
    }

    [Fact]
    public void A_refused_privileged_start_names_runc_and_the_likely_cause()
    {
        // Given the engine's answer when runc cannot give a privileged container its capabilities
        var failure = new InvalidOperationException(
            "Docker API responded with status code=InternalServerError, response={\"message\":\"failed to create task for container: OCI runtime create failed: runc create failed: unable to start container process: unable to apply caps: operation not permitted\"}");

        // When it is explained (the container never wrote a line)
        var message = K3sBootDiagnostics.Explain(Image, failure, TimeSpan.FromSeconds(180), "", "1");

        // Then runc's words stay in the message and the cause is named
        Assert.Contains("unable to apply caps", message);
        Assert.Contains("could not start a privileged container", message);
        Assert.Contains("CAP_SYS_RESOURCE", message);
    }
}
