using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Tests.Support;

namespace ProbeHarness.Steps.Tests.Drivers;

public sealed class AppEventLogTests
{
    private const string Started = """{"probeHarnessEvent":"process-started","at":"2026-12-02T13:04:00.068Z","time":"2026-12-02T13:04:00.086Z","kind":"event","instance":"aaaaaaaaaaaa","pid":1,"processStartedAt":"2026-12-02T13:04:00.020Z"}""";
    private const string Legacy = """{"time":"2026-12-02T13:04:05.138Z","kind":"probe","instance":"aaaaaaaaaaaa","probe":"liveness","path":"/healthz","result":"answered","status":500,"reason":"fault:fail","durationMs":2.9}""";
    private const string Answered = """{"probeHarnessEvent":"probe-answered","at":"2026-12-02T13:04:05.123Z","time":"2026-12-02T13:04:05.124Z","kind":"event","instance":"aaaaaaaaaaaa","path":"/healthz","probe":"liveness","userAgent":"kube-probe/1.32","status":500,"receivedAt":"2026-12-02T13:04:05.120Z","healthy":false,"reason":"fault:fail","durationMs":2.9}""";
    private const string Aborted = """{"probeHarnessEvent":"probe-answered","at":"2026-12-02T13:04:07.204Z","time":"2026-12-02T13:04:07.204Z","kind":"event","instance":"aaaaaaaaaaaa","path":"/readyz","probe":"readiness","receivedAt":"2026-12-02T13:04:06.200Z","aborted":true,"abortedBy":"client","reason":"fault:hang","durationMs":1004.4}""";
    private const string Exiting = """{"probeHarnessEvent":"process-exiting","at":"2026-12-02T13:04:09.742Z","time":"2026-12-02T13:04:09.742Z","kind":"event","instance":"aaaaaaaaaaaa","exitCode":143,"reason":"graceful stop"}""";
    private const string NextStarted = """{"probeHarnessEvent":"process-started","at":"2026-12-02T13:04:11.001Z","time":"2026-12-02T13:04:11.002Z","kind":"event","instance":"bbbbbbbbbbbb","pid":1}""";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Event_lines_are_typed_and_every_other_line_is_skipped()
    {
        // Given: the app's other JSON lines, ASP.NET's line quoting the marker in its message, plain text
        var aspNet = """{"Timestamp":"2026-12-02T13:04:05.000Z","LogLevel":"Warning","Category":"x","Message":"saw \"probeHarnessEvent\" in a header"}""";
        var text = string.Join('\n', Started, "plain text from a shell", Legacy, aspNet, Answered, Aborted, Exiting) + "\n";

        // When
        var lines = AppEventLog.Parse(text, AppLogInstance.Previous, "containerd://abc");

        // Then
        Assert.Empty(lines.Problems);
        Assert.Equal(
            [AppEventKind.ProcessStarted, AppEventKind.ProbeAnswered, AppEventKind.ProbeAnswered, AppEventKind.ProcessExiting],
            lines.Events.Select(e => e.Kind));
        Assert.Equal([1, 5, 6, 7], lines.Events.Select(e => e.LineNumber));
        Assert.All(lines.Events, e => Assert.Equal(AppLogInstance.Previous, e.Log));
        Assert.All(lines.Events, e => Assert.Equal("containerd://abc", e.ContainerId));
        Assert.All(lines.Events, e => Assert.Equal("aaaaaaaaaaaa", e.AppInstance));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 13, 4, 0, 20, TimeSpan.Zero), lines.Events[0].ProcessStartedAt);
        Assert.Equal(143, lines.Events[3].ExitCode);
    }

    [Fact]
    public void A_probe_answer_and_an_aborted_hang_carry_their_instants_to_the_millisecond()
    {
        // Given
        var text = Answered + "\n" + Aborted + "\n";

        // When
        var events = AppEventLog.Parse(text).Events;

        // Then
        var answered = events[0];
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 13, 4, 5, 123, TimeSpan.Zero), answered.At);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 13, 4, 5, 120, TimeSpan.Zero), answered.ReceivedAt);
        Assert.Equal(ProbeKind.Liveness, answered.Probe);
        Assert.Equal("/healthz", answered.Path);
        Assert.Equal("kube-probe/1.32", answered.UserAgent);
        Assert.Equal(500, answered.Status);
        Assert.False(answered.Healthy);
        Assert.False(answered.Aborted);
        Assert.Equal(2.9, answered.DurationMs);
        var aborted = events[1];
        Assert.True(aborted.Aborted);
        Assert.Equal("client", aborted.AbortedBy);
        Assert.Null(aborted.Status);
        Assert.Null(aborted.Healthy);
        Assert.Equal(ProbeKind.Readiness, aborted.Probe);
        Assert.Equal(TimeSpan.FromMilliseconds(1004), aborted.At - aborted.ReceivedAt);
    }

    [Fact]
    public void Faults_their_windows_signals_and_files_are_typed()
    {
        // Given
        var text = string.Join('\n',
            """{"probeHarnessEvent":"fault-applied","at":"2026-12-02T13:04:03.170Z","instance":"a","source":"api","method":"PUT","path":"/faults/liveness","target":"liveness","probe":"liveness","mode":"fail","status":500,"activeFrom":"2026-12-02T13:04:04.164Z","activeUntil":"2026-12-02T13:04:05.164Z"}""",
            """{"probeHarnessEvent":"fault-applied","at":"2026-12-02T13:04:03.180Z","instance":"a","source":"FAULTS_AT_START","target":"tcp","open":false}""",
            """{"probeHarnessEvent":"fault-active","at":"2026-12-02T13:04:04.164Z","instance":"a","target":"liveness","probe":"liveness","mode":"fail","status":500}""",
            """{"probeHarnessEvent":"health-file-changed","at":"2026-12-02T13:04:04.170Z","instance":"a","path":"/tmp/healthy","present":false}""",
            """{"probeHarnessEvent":"fault-ended","at":"2026-12-02T13:04:05.164Z","instance":"a","target":"liveness","probe":"liveness","mode":"fail","status":500}""",
            """{"probeHarnessEvent":"signal-received","at":"2026-12-02T13:04:06.722Z","instance":"a","signal":"SIGTERM","action":"stopping"}""");

        // When
        var lines = AppEventLog.Parse(text);

        // Then
        Assert.Empty(lines.Problems);
        var applied = lines.Events[0];
        Assert.Equal(AppEventKind.FaultApplied, applied.Kind);
        Assert.Equal(("api", "/faults/liveness", "liveness", "fail"), (applied.Source, applied.Path, applied.Target, applied.Mode));
        Assert.Equal(ProbeKind.Liveness, applied.Probe);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 13, 4, 4, 164, TimeSpan.Zero), applied.ActiveFrom);
        Assert.Equal(applied.ActiveFrom, lines.OfKind(AppEventKind.FaultActive).Single().At);
        Assert.Equal(applied.ActiveUntil, lines.OfKind(AppEventKind.FaultEnded).Single().At);
        Assert.False(lines.Events[1].Open);
        Assert.Null(lines.Events[1].Probe);
        Assert.False(lines.OfKind(AppEventKind.HealthFileChanged).Single().Present);
        Assert.Equal("SIGTERM", lines.OfKind(AppEventKind.SignalReceived).Single().Signal);
    }

    [Theory]
    [InlineData("""{"probeHarnessEvent":"probe-answered","at":"2026-12-02T13:04:05.123Z","path":"/healthz","receivedAt":"2026-12-02T13:04:05.120Z","status":5""", "malformed JSON")]
    [InlineData("""{"probeHarnessEvent":"process-exiting","exitCode":1}""", "at: missing")]
    [InlineData("""{"probeHarnessEvent":"process-exiting","at":"2026-12-02 13:04:05","exitCode":1}""", "at: '2026-12-02 13:04:05' is not a UTC instant")]
    [InlineData("""{"probeHarnessEvent":"process-exiting","at":"2026-12-02T13:04:05.123+01:00","exitCode":1}""", "is not a UTC instant")]
    [InlineData("""{"probeHarnessEvent":"probe-teleported","at":"2026-12-02T13:04:05.123Z"}""", "probeHarnessEvent: 'probe-teleported' is not a known event")]
    [InlineData("""{"probeHarnessEvent":42,"at":"2026-12-02T13:04:05.123Z"}""", "probeHarnessEvent: 42 is not a string")]
    [InlineData("""{"probeHarnessEvent":"process-exiting","at":"2026-12-02T13:04:05.123Z","exitCode":"1"}""", "exitCode: \"1\" is not a whole number")]
    [InlineData("""{"probeHarnessEvent":"process-exiting","at":"2026-12-02T13:04:05.123Z"}""", "exitCode: missing (required for process-exiting)")]
    [InlineData("""{"probeHarnessEvent":"probe-answered","at":"2026-12-02T13:04:05.123Z","path":"/healthz","probe":"vitality","receivedAt":"2026-12-02T13:04:05.120Z","status":200}""", "probe: 'vitality' is not a probe")]
    [InlineData("""{"probeHarnessEvent":"probe-answered","at":"2026-12-02T13:04:05.123Z","path":"/healthz","receivedAt":"2026-12-02T13:04:05.120Z"}""", "status (or aborted): missing")]
    [InlineData("""{"probeHarnessEvent":"process-exiting","at":"2026-12-02T13:04:05.123Z","exitCode":1} trailing""", "malformed JSON")]
    public void A_malformed_event_line_is_a_problem_with_its_line_number_and_the_lines_around_it_still_count(string malformed, string problem)
    {
        // Given
        var text = Started + "\n" + malformed + "\n" + Exiting + "\n";

        // When
        var lines = AppEventLog.Parse(text, AppLogInstance.Previous);

        // Then
        var reported = Assert.Single(lines.Problems);
        Assert.Equal(2, reported.LineNumber);
        Assert.Equal(AppLogInstance.Previous, reported.Log);
        Assert.Contains(problem, reported.Problem, StringComparison.Ordinal);
        Assert.False(reported.Incomplete);
        Assert.StartsWith("previous log line 2: ", reported.ToString(), StringComparison.Ordinal);
        Assert.Equal([AppEventKind.ProcessStarted, AppEventKind.ProcessExiting], lines.Events.Select(e => e.Kind));
    }

    [Fact]
    public void A_cut_last_line_is_an_incomplete_problem_and_crlf_line_ends_are_fine()
    {
        // Given: Windows line ends, then a line cut by a kill mid-write (no line end after it)
        var text = Started + "\r\n" + Answered + "\r\n" + Exiting[..40];

        // When
        var lines = AppEventLog.Parse(text);

        // Then
        Assert.Equal(2, lines.Events.Count);
        var cut = Assert.Single(lines.Problems);
        Assert.Equal(3, cut.LineNumber);
        Assert.True(cut.Incomplete);
        Assert.Contains("(incomplete)", cut.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_and_foreign_logs_give_no_events_and_no_problems()
    {
        // Given / When
        var empty = AppEventLog.Parse("");
        var busybox = AppEventLog.Parse("hello\nworld\n");

        // Then
        Assert.Equal((0, 0), (empty.Events.Count, empty.Problems.Count));
        Assert.Equal((0, 0), (busybox.Events.Count, busybox.Problems.Count));
    }

    [Fact]
    public async Task Reading_a_pod_gives_the_previous_log_then_the_current_one_with_their_container_ids()
    {
        // Given: a container restarted once; the pod status names both instances
        var ns = new LogOnlyNamespace { Logs = previous => previous ? Started + "\n" + Exiting + "\n" : NextStarted + "\n" };
        var pod = Running("containerd://second", last: "containerd://first");

        // When
        var lines = await AppEventLog.ReadAsync(ns, "pod-1", "app", () => pod, Token);

        // Then
        Assert.True(lines.HasPreviousLog);
        Assert.Equal([AppLogInstance.Previous, AppLogInstance.Previous, AppLogInstance.Current], lines.Events.Select(e => e.Log));
        Assert.Equal(["containerd://first", "containerd://first", "containerd://second"], lines.Events.Select(e => e.ContainerId));
        Assert.Equal(["aaaaaaaaaaaa", "aaaaaaaaaaaa", "bbbbbbbbbbbb"], lines.Events.Select(e => e.AppInstance));
        Assert.Equal([("pod-1", "app", true), ("pod-1", "app", false)], ns.Reads);
    }

    [Fact]
    public async Task A_container_that_never_restarted_has_no_previous_log_and_that_is_no_error()
    {
        // Given: the API's 400 for a missing previous instance
        var ns = new LogOnlyNamespace
        {
            Logs = previous => previous ? throw new NoPreviousContainerException("previous terminated container \"app\" in pod \"pod-1\" not found") : Started + "\n",
        };

        // When
        var lines = await AppEventLog.ReadAsync(ns, "pod-1", "app", () => null, Token);

        // Then
        Assert.False(lines.HasPreviousLog);
        var started = Assert.Single(lines.Events);
        Assert.Equal(AppLogInstance.Current, started.Log);
        Assert.Null(started.ContainerId);
    }

    [Fact]
    public async Task In_back_off_the_one_log_the_api_serves_twice_is_returned_once_as_previous()
    {
        // Given: the container waits in CrashLoopBackOff, so current and previous are the instance that just ended
        var log = Started + "\n" + Exiting + "\n";
        var ns = new LogOnlyNamespace { Logs = _ => log };
        var pod = Pod(new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff" } }, "containerd://first", last: "containerd://first");

        // When
        var lines = await AppEventLog.ReadAsync(ns, "pod-1", "app", () => pod, Token);
        var withoutIds = await AppEventLog.ReadAsync(ns, "pod-1", "app", () => null, Token);

        // Then
        Assert.Equal(2, lines.Events.Count);
        Assert.All(lines.Events, e => Assert.Equal((AppLogInstance.Previous, "containerd://first"), (e.Log, e.ContainerId)));
        Assert.Equal(2, withoutIds.Events.Count);
    }

    [Fact]
    public async Task A_restart_between_the_reads_reads_both_logs_again()
    {
        // Given: the status changes after the first pair of reads (a restart), then stays
        var pods = new Queue<V1Pod>([
            Running("containerd://first"),
            Running("containerd://second", last: "containerd://first"),
            Running("containerd://second", last: "containerd://first"),
            Running("containerd://second", last: "containerd://first"),
        ]);
        var ns = new LogOnlyNamespace { Logs = previous => previous ? Started + "\n" + Exiting + "\n" : NextStarted + "\n" };

        // When
        var lines = await AppEventLog.ReadAsync(ns, "pod-1", "app", pods.Dequeue, Token);

        // Then
        Assert.Equal(4, ns.Reads.Count);
        Assert.Equal("containerd://second", lines.Events[^1].ContainerId);
    }

    [Fact]
    public async Task Any_other_log_error_is_the_caller_s()
    {
        // Given
        var ns = new LogOnlyNamespace { Logs = _ => throw new InvalidOperationException("Pod pod-1 does not exist in namespace ns.") };

        // When
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppEventLog.ReadAsync(ns, "pod-1", "app", () => null, Token));

        // Then
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    private static V1Pod Running(string containerId, string? last = null) =>
        Pod(new V1ContainerState { Running = new V1ContainerStateRunning() }, containerId, last);

    private static V1Pod Pod(V1ContainerState state, string containerId, string? last)
    {
        var status = new V1ContainerStatus
        {
            Name = "app",
            ContainerID = containerId,
            State = state,
            LastState = new V1ContainerState { Terminated = last is null ? null : new V1ContainerStateTerminated { ContainerID = last, ExitCode = 143 } },
        };
        return new V1Pod { Metadata = new V1ObjectMeta { Name = "pod-1" }, Status = new V1PodStatus { ContainerStatuses = [status] } };
    }
}
