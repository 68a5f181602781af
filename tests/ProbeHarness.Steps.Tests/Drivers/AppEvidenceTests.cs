using k8s.Models;
using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Steps.Drivers;

namespace ProbeHarness.Steps.Tests.Drivers;

public sealed class AppEvidenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 13, 4, 5, TimeSpan.Zero);

    private static readonly V1Probe Liveness = new() { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = 8080 } };

    [Fact]
    public void The_app_log_sharpens_the_first_failure_the_kill_the_exit_and_the_next_start_to_milliseconds()
    {
        // Given an instance that answered 200, then 500 twice, got SIGTERM and exited, and the next instance's start
        var evidence = new AppEvidence(AppEventLog.Parse(string.Join('\n',
            Started,
            Answer(0.1, 200, true),
            Answer(1.1, 500, false),
            Answer(2.1, 500, false),
            Line("signal-received", 2.3, "\"signal\":\"SIGTERM\",\"action\":\"stopping\""),
            Line("process-exiting", 2.4, "\"exitCode\":0,\"reason\":\"SIGTERM\""),
            Line("process-started", 3.0, $"\"pid\":7,\"processStartedAt\":\"{Iso(2.95)}\""))));

        // When
        var first = evidence.FailedAnswer(Liveness, At(0.5));
        var second = evidence.FailedAnswer(Liveness, At(0.5), n: 2);
        var kill = evidence.Kill(T0);
        var exit = evidence.Exit(At(2.3));
        var started = evidence.Started(At(2.4));

        // Then each lies within tens of milliseconds of the app's own instant
        Assert.Equal(At(1.1), first!.Earliest);
        Assert.Equal(At(2.1), second!.Earliest);
        Assert.Equal(At(2.3), kill!.Latest);
        Assert.Equal(At(2.15), kill.Earliest); // the runtime's stop call may take 150 ms to signal under load
        Assert.True(kill.PrecisionSeconds < 0.1);
        Assert.Equal(At(2.4), exit!.Earliest);
        Assert.Equal(At(2.95), started!.Mid);
    }

    [Fact]
    public void A_server_second_and_an_app_instant_that_disagree_keep_the_server_second_and_say_so()
    {
        // Given a server second [5, 6) and an app instant at 7.2 s
        var server = MeasuredInstant.FromServer(At(5));
        var app = MeasuredInstant.Exact(At(7.2));

        // When
        var (agreeing, none) = AppEvidence.Sharpen(server, MeasuredInstant.Exact(At(5.3)), "kill");
        var (kept, note) = AppEvidence.Sharpen(server, app, "kill");

        // Then
        Assert.Equal((At(5.3), At(5.3)), (agreeing!.Earliest, agreeing.Latest));
        Assert.Null(none);
        Assert.Same(server, kept);
        Assert.Contains("outside what the cluster's timestamps allow", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Exec_and_tcp_probes_leave_nothing_to_sharpen()
    {
        // Given a failing answer on the HTTP endpoint, and an exec probe
        var evidence = new AppEvidence(AppEventLog.Parse(string.Join('\n', Started, Answer(1, 500, false))));
        var exec = new V1Probe { Exec = new V1ExecAction { Command = ["cat", "/tmp/healthy"] } };

        // When / Then
        Assert.Null(evidence.FailedAnswer(exec, T0));
        Assert.NotNull(evidence.FailedAnswer(Liveness, T0));
    }

    [Fact]
    public void A_tcp_probe_counts_its_accepted_connections_as_successes_on_its_port_only()
    {
        // Given connections accepted on the probe's port 8081 at 1 s and 2 s, and one on another port at 1.5 s
        var evidence = new AppEvidence(AppEventLog.Parse(string.Join('\n',
            Started,
            Line("tcp-accepted", 1, "\"port\":8081,\"remote\":\"127.0.0.1:5000\""),
            Line("tcp-accepted", 1.5, "\"port\":9999,\"remote\":\"127.0.0.1:5001\""),
            Line("tcp-accepted", 2, "\"port\":8081,\"remote\":\"127.0.0.1:5002\""))));
        var tcp = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 8081 } };

        // When
        var second = evidence.SuccessfulAnswer(tcp, T0, n: 2);

        // Then the second success is the one at 2 s, and a refused connection (a failure) leaves nothing
        Assert.Equal(At(2), second!.Mid);
        Assert.True(second.PrecisionSeconds <= 0.05);
        Assert.Null(evidence.FailedAnswer(tcp, T0));
    }

    [Fact]
    public void The_last_answer_to_a_probe_says_whether_its_failure_count_was_reset()
    {
        // Given one instance with no answer yet (its first probes were refused), one whose last answer failed, one whose last succeeded
        var none = new AppEvidence(AppEventLog.Parse(Started));
        var failing = new AppEvidence(AppEventLog.Parse(string.Join('\n', Started, Answer(0.1, 200, true), Answer(1.1, 500, false))));
        var passing = new AppEvidence(AppEventLog.Parse(string.Join('\n', Started, Answer(0.1, 500, false), Answer(1.1, 200, true))));

        // When
        var answers = (none.LastAnswerSucceeded(Liveness), failing.LastAnswerSucceeded(Liveness), passing.LastAnswerSucceeded(Liveness));
        var exec = passing.LastAnswerSucceeded(new V1Probe { Exec = new V1ExecAction { Command = ["true"] } });

        // Then only a success resets the count; the app cannot tell about exec probes
        Assert.Equal(((bool?)false, (bool?)false, (bool?)true), answers);
        Assert.Null(exec);
    }

    [Fact]
    public void A_window_that_closed_by_itself_ends_at_the_apps_own_active_until()
    {
        // Given a readiness fault for 3 s applied at 1 s, as the app logged it
        var evidence = new AppEvidence(AppEventLog.Parse(
            Line("fault-applied", 1, $"\"source\":\"api\",\"method\":\"PUT\",\"path\":\"/faults/readiness\",\"target\":\"readiness\",\"probe\":\"readiness\",\"mode\":\"fail\",\"status\":503,\"activeFrom\":\"{Iso(1)}\",\"activeUntil\":\"{Iso(4)}\"")));
        var fault = new InjectedFault(FaultRequest.Fail(ProbeKind.Readiness, 503) with { ActiveForSeconds = 3 }, MeasuredInstant.Between(At(0.98), At(1.02)), "pod", 0, "c1");

        // When
        var ended = evidence.FaultEnded(fault);

        // Then
        Assert.Equal(MeasuredInstant.Exact(At(4)), ended);
    }

    [Fact]
    public void A_log_that_does_not_reach_back_to_the_fault_tells_nothing_about_the_first_reaction_after_it()
    {
        // Given a crash loop whose log holds only the two last instances, both started long after the fault at 1 s
        var evidence = new AppEvidence(AppEventLog.Parse(string.Join('\n',
            Line("process-started", 50, $"\"pid\":7,\"processStartedAt\":\"{Iso(49.99)}\""),
            Answer(51, 500, false),
            Line("signal-received", 53, "\"signal\":\"SIGTERM\",\"action\":\"stopping\""))));

        // When
        var failure = evidence.FailedAnswer(Liveness, At(1));
        var kill = evidence.Kill(At(1));

        // Then the later instance's failure and SIGTERM are not passed off as the first after the fault
        Assert.Null(failure);
        Assert.Null(kill);
        Assert.NotNull(evidence.FailedAnswer(Liveness, At(50.5)));
    }

    // The first line of the instance running from T0 on.
    [Fact]
    public void An_answer_counts_from_the_start_of_its_write_and_an_abort_from_half_a_second_before_the_app_noticed_it()
    {
        // Given a 500 whose write began 80 ms before the handler logged it, and a request the client gave up on, logged at 3.2 s
        var evidence = new AppEvidence(AppEventLog.Parse(string.Join('\n',
            Started,
            Line("probe-answered", 1.1, $"\"path\":\"/healthz\",\"probe\":\"liveness\",\"status\":500,\"sendingAt\":\"{Iso(1.02)}\",\"receivedAt\":\"{Iso(1.0)}\",\"healthy\":false,\"reason\":\"fault:fail\",\"durationMs\":100"),
            Line("probe-answered", 3.2, $"\"path\":\"/healthz\",\"probe\":\"liveness\",\"receivedAt\":\"{Iso(2.0)}\",\"aborted\":true,\"abortedBy\":\"client\",\"reason\":\"fault:hang\",\"durationMs\":1200"))));

        // When
        var answered = evidence.FailedAnswer(Liveness, At(0.5));
        var aborted = evidence.FailedAnswer(Liveness, At(2.5));

        // Then the kubelet may have had the answer from the write's start on, and gave up at most half a second before the abort was logged
        Assert.Equal(At(1.02), answered!.Earliest);
        Assert.True(answered.Latest > At(1.1));
        Assert.Equal((At(2.7), At(3.2)), (aborted!.Earliest, aborted.Latest));
    }

    private static string Started => Line("process-started", 0, $"\"pid\":6,\"processStartedAt\":\"{Iso(0)}\"");

    private static string Answer(double at, int status, bool healthy) =>
        Line("probe-answered", at, $"\"path\":\"/healthz\",\"probe\":\"liveness\",\"status\":{status},\"receivedAt\":\"{Iso(at - 0.003)}\",\"healthy\":{(healthy ? "true" : "false")},\"reason\":\"ok\",\"durationMs\":3");

    private static string Line(string kind, double at, string fields) =>
        $"{{\"probeHarnessEvent\":\"{kind}\",\"at\":\"{Iso(at)}\",\"time\":\"{Iso(at)}\",\"kind\":\"event\",\"instance\":\"e393ec58f244\",{fields}}}";

    private static DateTimeOffset At(double seconds) => T0.AddMilliseconds(Math.Round(seconds * 1000));

    private static string Iso(double seconds) => At(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
