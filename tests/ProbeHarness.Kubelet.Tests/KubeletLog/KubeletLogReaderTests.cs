using ProbeHarness.Kubelet.KubeletLog;
using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Kubelet.Tests.KubeletLog;

/// <summary>Reading kubelet logs: v1.20.2's lines as the local cluster's kubelet wrote them, the 1.21+ structured forms, noise and problems.</summary>
public sealed class KubeletLogReaderTests
{
    private static readonly KubeletLogClock Clock = KubeletLogClock.Utc(new DateTimeOffset(2026, 12, 2, 14, 0, 0, TimeSpan.Zero));

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "KubeletLog", "Samples", name);

    private static DateTimeOffset At(string time) =>
        DateTimeOffset.ParseExact($"2026-12-02 {time} +00:00", "yyyy-MM-dd HH:mm:ss.ffffff zzz", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_real_v1_20_pod_life_reads_as_its_failures_kills_and_Ready_changes()
    {
        // Given the smoke test pod's life from a real v1.20.2 kubelet log (started, Ready, liveness fails twice, killed,
        // restarted, Ready again, deleted), between node start-up lines and other noise

        // When it is read
        var log = KubeletLogReader.ReadFile(Sample("smoke-pod-v1.20.2.log"), Clock);

        // Then every line the check needs is there, in order, with microsecond instants, and nothing is a problem (the patches
        // of lines 23 and 44 change no Ready condition)
        Assert.Empty(log.Problems);
        Assert.Equal(48, log.Lines);
        Assert.Equal(
            [
                (13, "14:18:21.624383", KubeletEventKind.ReadyChanged, (bool?)false),
                (25, "14:18:23.051369", KubeletEventKind.ReadyChanged, true),
                (28, "14:18:23.812685", KubeletEventKind.ProbeFailed, null),
                (29, "14:18:25.829360", KubeletEventKind.ProbeFailed, null),
                (33, "14:18:25.836339", KubeletEventKind.Killing, null),
                (37, "14:18:26.600367", KubeletEventKind.ReadyChanged, false),
                (39, "14:18:27.100605", KubeletEventKind.ReadyChanged, true),
                (43, "14:18:32.266846", KubeletEventKind.Killing, null),
            ],
            log.Entries.Select(e => (e.Line, e.At.UtcDateTime.ToString("HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture), e.Kind, e.Ready)));
        Assert.All(log.Entries, e => Assert.Equal(("probe-harness-smoke", "target-app", "8fc665e6-7091-4772-99d1-e6d178da3e39"), (e.Namespace, e.Pod, e.PodUid)));
        Assert.Equal(At("14:18:23.000000"), log.Entries[1].LastTransitionTime);
    }

    [Fact]
    public void A_Ready_patch_without_lastTransitionTime_keeps_the_one_the_patch_before_it_left()
    {
        // Given Ready going False at 44.1 and True at 44.9 (one second): the second patch carries no lastTransitionTime,
        // as a strategic merge patch leaves out a field that did not change; the API server keeps 44 (seen on v1.20.2)
        const string text = """
            I1202 14:00:44.150000     591 status_manager.go:564] Patch status for pod "web_ns(uid)" with "{\"metadata\":{\"uid\":\"uid\"},\"status\":{\"conditions\":[{\"lastTransitionTime\":\"2026-12-02T14:00:44Z\",\"status\":\"False\",\"type\":\"Ready\"}]}}"
            I1202 14:00:45.417371     591 status_manager.go:564] Patch status for pod "web_ns(uid)" with "{\"metadata\":{\"uid\":\"uid\"},\"status\":{\"conditions\":[{\"status\":\"True\",\"type\":\"Ready\"}]}}"
            """;

        // When it is read
        var log = KubeletLogReader.Read(new StringReader(text), Clock);

        // Then the second change was decided in 44 too, so within [44, 45]: not at its late patch line
        Assert.Empty(log.Problems);
        var returned = log.Entries[1];
        Assert.Equal((true, At("14:00:44.000000")), (returned.Ready!.Value, returned.LastTransitionTime));
        Assert.Equal((At("14:00:44.000000"), At("14:00:45.000000")), (returned.Earliest, returned.Latest));
    }

    [Fact]
    public void A_v1_20_kill_line_gets_its_pod_from_the_verdict_or_the_PLEG_event_before_it()
    {
        // Given the sample: the liveness kill follows computePodActions' verdict, the deletion kill only the PLEG start event

        // When it is read
        var kills = KubeletLogReader.ReadFile(Sample("smoke-pod-v1.20.2.log"), Clock).Entries.Where(e => e.Kind == KubeletEventKind.Killing).ToList();

        // Then both name the pod; the verdict also names the container
        Assert.Equal(("target-app", "containerd://9c290ebde7f970e4885355ee0b1b0bc490d786279f78671a8140d93674763238"), (kills[0].Container, kills[0].ContainerId));
        Assert.Equal((null, "containerd://dc3f86b17991cf2b51e2dc0a42be72a30b0cbaa5d33a08db886fba239eae1ad1"), (kills[1].Container, kills[1].ContainerId));
        Assert.All(kills, k => Assert.Equal("target-app", k.Pod));
    }

    [Fact]
    public void A_container_killed_as_it_starts_gets_its_pod_from_the_PLEG_line_after_the_kill()
    {
        // Given a real v1.20.2 deletion kill logged 80 µs before the PLEG event that names the container
        const string text = """
            I1202 14:41:59.273003   11060 kuberuntime_container.go:636] Killing container "containerd://387f61069db7dbd18eb59a66fff2b9fd1e96522f11b9f67cfda6333b5f984589" with a 4 second grace period
            I1202 14:41:59.273083   11060 kubelet.go:1926] SyncLoop (PLEG): "target-app-59b5f4bd85-8z7k2_ph-gnb76okd-29-an-app-that-ignores-sigterm-is-killed-at(ea29cfb1-37da-444c-9807-b353754507dc)", event: &pleg.PodLifecycleEvent{ID:"ea29cfb1-37da-444c-9807-b353754507dc", Type:"ContainerStarted", Data:"387f61069db7dbd18eb59a66fff2b9fd1e96522f11b9f67cfda6333b5f984589"}
            """;

        // When it is read
        var log = KubeletLogReader.Read(new StringReader(text), Clock);

        // Then the kill is that pod's, at its own line and instant
        Assert.Empty(log.Problems);
        var kill = Assert.Single(log.Entries);
        Assert.Equal((1, KubeletEventKind.Killing, "target-app-59b5f4bd85-8z7k2", At("14:41:59.273003")), (kill.Line, kill.Kind, kill.Pod, kill.At));
    }

    [Theory]
    [InlineData(
        """I1202 14:18:33.961946     591 prober.go:117] Readiness probe for "target-app_probe-harness-smoke(8fc665e6-7091-4772-99d1-e6d178da3e39):target-app" failed (failure): Get "http://10.244.77.2:8080/readyz": dial tcp 10.244.77.2:8080: i/o timeout (Client.Timeout exceeded while awaiting headers)""",
        ProbeType.Readiness, "probe-harness-smoke", "target-app", "14:18:33.961946")]
    [InlineData(
        """I1202 14:18:48.292748     591 prober.go:117] Startup probe for "target-app-dc64f89cd-lm5xr_ph-vs0xkbai-1-the-slow-starting-app-becomes-ready-with(5f9feaee-460c-4df8-b557-c575fabaecf1):target-app" failed (failure): Get "http://10.244.77.9:8080/healthz": dial tcp 10.244.77.9:8080: connect: connection refused""",
        ProbeType.Startup, "ph-vs0xkbai-1-the-slow-starting-app-becomes-ready-with", "target-app-dc64f89cd-lm5xr", "14:18:48.292748")]
    [InlineData(
        """I1202 14:18:46.129877     591 prober.go:117] Liveness probe for "target-app-6644f75977-sqkjl_ph-vs0xkbai-3-a-command-that-starts-failing-restarts-t(6aaefe45-74a5-4d46-8fcb-e9e1f5d09b62):target-app" failed (failure): cat: /tmp/healthy: No such file or directory""",
        ProbeType.Liveness, "ph-vs0xkbai-3-a-command-that-starts-failing-restarts-t", "target-app-6644f75977-sqkjl", "14:18:46.129877")]
    [InlineData(
        """I1202 14:20:14.555377     591 prober.go:117] Liveness probe for "target-app-84964d5499-gxdpd_ph-vs0xkbai-15-memory-leak-an-exec-liveness-probe-that(761e6189-398f-44d6-9f0f-d9c9a7932860):target-app" failed (failure): """,
        ProbeType.Liveness, "ph-vs0xkbai-15-memory-leak-an-exec-liveness-probe-that", "target-app-84964d5499-gxdpd", "14:20:14.555377")]
    public void Real_v1_20_probe_failures_of_every_kind_read(string line, ProbeType type, string ns, string pod, string time)
    {
        // Given a probe failure line of a real v1.20.2 kubelet (HTTP with a quoted URL in its output, startup, exec, an exec timeout's empty output)

        // When it is read
        var log = KubeletLogReader.Read(new StringReader(line), Clock);

        // Then it is a probe failure of that pod, container and type at that instant
        var entry = Assert.Single(log.Entries);
        Assert.Equal((KubeletEventKind.ProbeFailed, type, ns, pod, "target-app", At(time)), (entry.Kind, entry.ProbeType!.Value, entry.Namespace, entry.Pod, entry.Container, entry.At));
    }

    [Fact]
    public void Structured_lines_of_later_kubelets_read_too()
    {
        // Given the 1.21+ forms of the three lines (kill line as a 1.2x kubelet printed it), behind a journald prefix for one
        const string text = """
            I0507 11:59:31.101514    3224 prober.go:107] "Probe failed" probeType="Liveness" pod="hosted/api-7b6bd9b949-9csb4" podUID=25cb986c-3d6c-4ed0-abf3-ee59ed6175f9 containerName="hgapi" probeResult=failure output="HTTP probe failed with statuscode: 500"
            Oct 12 19:34:45 node kubelet[2480]: I0507 11:59:34.518822    3224 kuberuntime_container.go:745] "Killing container with a grace period" pod="hosted/api-7b6bd9b949-9csb4" podUID="25cb986c-3d6c-4ed0-abf3-ee59ed6175f9" containerName="hgapi" containerID="containerd://c91436db00920ec961b9d5d6b4859d80a912e862e34fb5c45d8a85684fe6a97e" gracePeriod=30
            I0507 11:59:34.600000    3224 status_manager.go:874] "Patch status for pod" pod="hosted/api-7b6bd9b949-9csb4" podUID="25cb986c-3d6c-4ed0-abf3-ee59ed6175f9" patch="{\"metadata\":{\"uid\":\"25cb986c\"},\"status\":{\"conditions\":[{\"status\":\"False\",\"type\":\"Ready\"}]}}"
            I0507 11:59:35.000000    3224 prober.go:107] "Probe failed" probeType="Readiness" pod="hosted/api-7b6bd9b949-9csb4" podUID="25cb986c" containerName="hgapi" probeResult="failure" output=<
                multi-line
                output
             >
            """;

        // When it is read in May
        var log = KubeletLogReader.Read(new StringReader(text), KubeletLogClock.Utc(new DateTimeOffset(2026, 5, 7, 0, 0, 0, TimeSpan.Zero)));

        // Then all four are entries of that pod, and the multi-line output is noise
        Assert.Empty(log.Problems);
        Assert.Equal([KubeletEventKind.ProbeFailed, KubeletEventKind.Killing, KubeletEventKind.ReadyChanged, KubeletEventKind.ProbeFailed], log.Entries.Select(e => e.Kind));
        Assert.All(log.Entries, e => Assert.Equal(("hosted", "api-7b6bd9b949-9csb4"), (e.Namespace, e.Pod)));
        Assert.Equal((ProbeType.Liveness, "hgapi"), (log.Entries[0].ProbeType!.Value, log.Entries[0].Container));
        Assert.Equal("containerd://c91436db00920ec961b9d5d6b4859d80a912e862e34fb5c45d8a85684fe6a97e", log.Entries[1].ContainerId);
        Assert.False(log.Entries[2].Ready);
        Assert.Equal(new DateTimeOffset(2026, 5, 7, 11, 59, 34, TimeSpan.Zero).AddTicks(5_188_220), log.Entries[1].At);
    }

    [Fact]
    public void Noise_is_skipped_but_a_known_message_that_does_not_parse_is_a_problem_with_its_line()
    {
        // Given klog noise, a line without a header, and broken forms of the three known messages
        const string text = """
            Flag --address has been deprecated, This parameter should be set via the config file
            I1202 14:18:21.576969     591 topology_manager.go:187] [topologymanager] Topology Admit Handler
            I1202 14:18:23.812685     591 prober.go:117] Liveness probe for "no-pod-description" failed (failure): HTTP probe failed with statuscode: 500
            I1202 14:18:25.836339     591 kuberuntime_container.go:636] Killing container "containerd://0000000000000000" with a 5 second grace period
            I1202 14:18:26.600367     591 status_manager.go:564] Patch status for pod "web_ns(uid)" with "{not json"
            I1202 14:18:26.700367     591 status_manager.go:564] Patch status for pod "web_ns(uid)" with "{\"metadata\":{\"uid\":\"uid\"}}"
            """;

        // When it is read
        var log = KubeletLogReader.Read(new StringReader(text), Clock);

        // Then there are no entries; the probe line without a pod, the kill of a container no line named and the patch that is
        // not JSON are problems with their line numbers; a patch without a Ready change is nothing
        Assert.Empty(log.Entries);
        Assert.Equal([3, 4, 5], log.Problems.Select(p => p.Line));
        Assert.Contains("which no PLEG or computePodActions line names", log.Problems[1].Reason, StringComparison.Ordinal);
        Assert.StartsWith("line 5: a \"Patch status for pod\" line whose patch is not JSON", log.Problems[2].ToString(), StringComparison.Ordinal);
    }
}
