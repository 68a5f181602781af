using ProbeHarness.Kubelet.Tests.Fakes;
using static ProbeHarness.Kubelet.Tests.Fakes.TestPods;

namespace ProbeHarness.Kubelet.Tests;

/// <summary>Probe worker timing and threshold rules (§1.1–1.4) observed through the pod kubelet on a fake clock.</summary>
public sealed class PodKubeletProbingTests
{
    [Fact]
    public async Task First_probe_skips_the_admission_tick_and_then_follows_the_admission_rhythm()
    {
        // Given a liveness probe with period 10 s, admitted at t=0 (the container runs from t=0.3)
        await using var harness = new KubeletHarness(Pod(Container(liveness: Http("/live", period: 10))));

        // When the pod runs for 35 s
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(35);

        // Then the admission-time attempt found no container, and probes land at 10, 20, 30 (not 0.3 + k·10)
        Assert.Equal([10.0, 20.0, 30.0], harness.Prober["/live"].Calls.Select(TestClock.SecondsOf));
    }

    [Fact]
    public async Task Initial_delay_counts_whole_seconds_from_the_truncated_startedAt()
    {
        // Given period 1 s, initialDelaySeconds 5, and a container that starts 0.3 s after admission
        await using var harness = new KubeletHarness(Pod(Container(liveness: Http("/live", period: 1, initialDelay: 5))));

        // When it runs for 7 s
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(7);

        // Then the first probe comes at t=5: 4.7 s after the real start, because startedAt is truncated to t=0 (§2)
        var calls = harness.Prober["/live"].Calls.Select(TestClock.SecondsOf).ToList();
        Assert.Equal([5.0, 6.0, 7.0], calls);
        var startedAt = harness.Runtime.Latest("app").StartedAt;
        Assert.Equal(4.7, calls[0] - TestClock.SecondsOf(startedAt), 3);
        Assert.Equal(0.0, TestClock.SecondsOf(harness.Container().State.Running.StartedAt));
    }

    [Fact]
    public async Task Liveness_kill_starts_exactly_on_the_failureThreshold_th_consecutive_failure()
    {
        // Given liveness period 10 s, failureThreshold 3
        await using var harness = new KubeletHarness(Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 3))));
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(35);

        // When /live fails from t=35
        harness.Prober["/live"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(65);

        // Then failures at 40, 50, 60 each emit Unhealthy and the kill starts at 60, not before
        Assert.Equal([40.0, 50.0, 60.0], harness.EventTimes("Unhealthy"));
        Assert.Equal([60.0], harness.EventTimes("Killing"));
        Assert.Equal("Container app failed liveness probe, will be restarted", harness.Messages("Killing").Single());
        Assert.Equal(1, harness.Container().RestartCount);
    }

    [Fact]
    public async Task A_success_resets_the_failure_run()
    {
        // Given liveness period 10 s, failureThreshold 3
        await using var harness = new KubeletHarness(Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 3))));
        await harness.StartAsync();
        var live = harness.Prober["/live"];

        // When it fails twice, succeeds once, then fails twice again
        await harness.Clock.AdvanceToAsync(5);
        live.Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(25);
        live.Mode = EndpointMode.Healthy;
        await harness.Clock.AdvanceToAsync(35);
        live.Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(55);

        // Then four failures never made three in a row: no kill
        Assert.Equal(4, harness.EventTimes("Unhealthy").Count);
        Assert.Empty(harness.EventTimes("Killing"));
    }

    [Fact]
    public async Task A_flapping_endpoint_never_reaches_failureThreshold_2()
    {
        // Given liveness period 1 s, failureThreshold 2, on an endpoint alternating 500/200
        await using var harness = new KubeletHarness(Pod(Container(liveness: Http("/live", period: 1, failureThreshold: 2))));
        await harness.StartAsync();
        harness.Prober["/live"].Mode = EndpointMode.Flap;

        // When it runs for 5 minutes
        await harness.Clock.AdvanceToAsync(300);

        // Then it was probed ~300 times, failed half of them, and was never restarted
        Assert.InRange(harness.Prober["/live"].Calls.Count, 299, 300);
        Assert.Empty(harness.EventTimes("Killing"));
        Assert.Equal(0, harness.Container().RestartCount);
    }

    [Fact]
    public async Task A_probe_that_outlives_its_period_runs_back_to_back()
    {
        // Given period 1 s, timeout 3 s, failureThreshold 3 on an endpoint that hangs from t=10.5
        await using var harness = new KubeletHarness(Pod(Container(liveness: Http("/live", period: 1, timeout: 3, failureThreshold: 3))));
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(10.5);
        harness.Prober["/live"].Mode = EndpointMode.Hang;

        // When 15 s pass
        await harness.Clock.AdvanceToAsync(25);

        // Then attempts start at 11, 14, 17 (each waits out the timeout, the held tick fires at once) and the kill is at 20
        var hanging = harness.Prober["/live"].Calls.Select(TestClock.SecondsOf).Where(t => t >= 10.5).Take(3);
        Assert.Equal([11.0, 14.0, 17.0], hanging);
        Assert.Equal([20.0], harness.EventTimes("Killing"));
    }

    [Fact]
    public async Task Startup_gates_liveness_and_readiness_until_it_succeeds()
    {
        // Given a startup probe (period 1 s, failureThreshold 30) that fails until t=12, with liveness and readiness (period 10 s)
        await using var harness = new KubeletHarness(Pod(Container(
            liveness: Http("/live", period: 10),
            readiness: Http("/ready", period: 10),
            startup: Http("/startup", period: 1, failureThreshold: 30))));
        harness.Prober["/startup"].Mode = EndpointMode.Failing;
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(11.5);
        Assert.False(harness.Container().Started);

        // When startup passes at its t=12 tick
        harness.Prober["/startup"].Mode = EndpointMode.Healthy;
        await harness.Clock.AdvanceToAsync(25);

        // Then nothing probed liveness or readiness before 12; readiness ran at 12 (v1.32 sync trigger), liveness at its 20 tick
        Assert.Equal(12.0, TestClock.SecondsOf(harness.Prober["/startup"].Calls.Last()));
        Assert.All(harness.Prober["/ready"].Calls, t => Assert.True(TestClock.SecondsOf(t) >= 12));
        Assert.Equal(12.0, TestClock.SecondsOf(harness.Prober["/ready"].Calls.First()));
        Assert.Equal([20.0], harness.Prober["/live"].Calls.Select(TestClock.SecondsOf));
        Assert.Equal([12.0], harness.ReadyFlips(true));
        Assert.True(harness.Container().Started);
    }

    [Fact]
    public async Task Readiness_after_startup_success_waits_for_its_next_tick_on_v1_20()
    {
        // Given the v1.20 profile, a startup probe passing from t=5 and readiness with period 10 s
        var options = new KubeletOptions { KubeletVersion = "v1.20.2", ResyncInterval = Timeout.InfiniteTimeSpan };
        await using var harness = new KubeletHarness(
            Pod(Container(readiness: Http("/ready", period: 10), startup: Http("/startup", period: 1, failureThreshold: 30))),
            options);
        harness.Prober["/startup"].Mode = EndpointMode.Failing;
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(4.5);
        harness.Prober["/startup"].Mode = EndpointMode.Healthy;

        // When it runs to t=15
        await harness.Clock.AdvanceToAsync(15);

        // Then started at 5, but readiness first probed at its own 10 s tick, and Ready only then
        Assert.Equal([10.0], harness.Prober["/ready"].Calls.Select(TestClock.SecondsOf));
        Assert.Equal([10.0], harness.ReadyFlips(true));
    }

    [Fact]
    public async Task Readiness_is_probed_right_at_container_start_on_v1_32()
    {
        // Given readiness with period 10 s and no startup probe
        await using var harness = new KubeletHarness(Pod(Container(readiness: Http("/ready", period: 10))));

        // When the pod starts
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(1);

        // Then the sync after the container start triggered readiness (§1.1 manual trigger), so Ready at 0.3 s
        Assert.Equal(0.3, TestClock.SecondsOf(harness.Prober["/ready"].Calls.First()), 3);
        Assert.True(harness.IsReady);
    }

    [Fact]
    public async Task Prober_errors_are_retried_three_times_and_discarded()
    {
        // Given liveness period 10 s, failureThreshold 1, on an endpoint whose prober errors
        await using var harness = new KubeletHarness(Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 1))));
        await harness.StartAsync();
        harness.Prober["/live"].Mode = EndpointMode.Error;

        // When two ticks pass
        await harness.Clock.AdvanceToAsync(25);

        // Then each tick made 3 attempts, emitted one errored event, and never counted: no kill
        Assert.Equal([10.0, 10.0, 10.0, 20.0, 20.0, 20.0], harness.Prober["/live"].Calls.Select(TestClock.SecondsOf));
        Assert.Equal(
            ["Liveness probe errored and resulted in unknown state: dial error", "Liveness probe errored and resulted in unknown state: dial error"],
            harness.Messages("Unhealthy"));
        Assert.Empty(harness.EventTimes("Killing"));
    }

    [Fact]
    public async Task Unknown_without_error_counts_as_failure_without_an_event()
    {
        // Given liveness period 10 s, failureThreshold 2, answering Unknown
        await using var harness = new KubeletHarness(Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 2))));
        await harness.StartAsync();
        harness.Prober["/live"].Mode = EndpointMode.Unknown;

        // When two ticks pass
        await harness.Clock.AdvanceToAsync(25);

        // Then the second Unknown killed the container, with no Unhealthy event
        Assert.Empty(harness.EventTimes("Unhealthy"));
        Assert.Equal([20.0], harness.EventTimes("Killing"));
    }

    [Fact]
    public async Task A_warning_counts_as_success_and_emits_ProbeWarning()
    {
        // Given readiness answering with an unfollowed redirect
        await using var harness = new KubeletHarness(Pod(Container(readiness: Http("/ready", period: 10))));
        harness.Prober["/ready"].Mode = EndpointMode.Redirect;

        // When the pod starts
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(1);

        // Then it is Ready and the warning was recorded
        Assert.True(harness.IsReady);
        Assert.Equal("Readiness probe warning: Probe terminated redirects, Response body: ", harness.Messages("ProbeWarning").First());
    }

    [Fact]
    public async Task Readiness_runs_are_not_reset_by_a_restart()
    {
        // Given readiness with successThreshold 3 (period 10 s) and a liveness probe that will fail
        await using var harness = new KubeletHarness(Pod(Container(
            liveness: Http("/live", period: 10, failureThreshold: 1),
            readiness: Http("/ready", period: 10, successThreshold: 3))));
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(45);
        Assert.True(harness.IsReady);
        var firstReady = harness.ReadyFlips(true).Single();

        // When liveness fails once at t=50 and the container restarts
        harness.Prober["/live"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(50.05);
        harness.Prober["/live"].Mode = EndpointMode.Healthy;
        await harness.Clock.AdvanceToAsync(60);

        // Then the first Ready needed 3 successes (~20 s), but after the restart one success was enough (§1.3 quirk)
        Assert.InRange(firstReady, 20, 21);
        Assert.Equal(1, harness.Container().RestartCount);
        var readyAgain = harness.ReadyFlips(true).Last();
        var restartedAt = TestClock.SecondsOf(harness.Runtime.Latest("app").StartedAt);
        Assert.Equal(restartedAt, readyAgain, 3);
    }

    [Theory]
    [InlineData("v1.32", "Liveness probe failed: command timed out: \"check\" timed out after 1s")]
    [InlineData("v1.20.2", "Liveness probe failed: ")]
    public async Task An_exec_timeout_message_is_empty_on_v1_20(string version, string expected)
    {
        // Given an exec liveness probe whose command times out
        await using var harness = new KubeletHarness(
            Pod(Container(liveness: Exec("check", period: 10))),
            new KubeletOptions { KubeletVersion = version, ResyncInterval = Timeout.InfiniteTimeSpan });
        harness.Prober["check"].Mode = EndpointMode.ExecTimeout;

        // When one attempt runs
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(12);

        // Then the Unhealthy message is the profile's
        Assert.Equal(expected, harness.Messages("Unhealthy").Single());
    }

    [Fact]
    public async Task The_v1_20_profile_names_prober_errors_the_old_way()
    {
        // Given the v1.20 profile and a liveness prober error
        await using var harness = new KubeletHarness(
            Pod(Container(liveness: Http("/live", period: 10))),
            new KubeletOptions { KubeletVersion = "v1.20.2", ResyncInterval = Timeout.InfiniteTimeSpan });
        harness.Prober["/live"].Mode = EndpointMode.Error;

        // When one tick passes
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(11);

        // Then the errored message has the 1.20 form
        Assert.Equal("Liveness probe errored: dial error", harness.Messages("Unhealthy").Single());
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(1.0, 3)]
    public async Task A_slow_answer_fails_only_when_it_reaches_the_timeout(double delay, int failures)
    {
        // Given liveness with timeout 1 s (period 10 s, failureThreshold 3) answering after the delay from t=5
        await using var harness = new KubeletHarness(Pod(Container(liveness: Http("/live", period: 10, timeout: 1, failureThreshold: 3))));
        await harness.StartAsync();
        harness.Prober["/live"].Mode = EndpointMode.Slow;
        harness.Prober["/live"].SlowDelay = TimeSpan.FromSeconds(delay);

        // When three attempts run
        await harness.Clock.AdvanceToAsync(35);

        // Then only answers at the timeout count as failures (and the third one kills at 31: attempt at 30 + 1 s)
        Assert.Equal(failures, harness.Messages("Unhealthy").Count);
        Assert.Equal(failures == 3 ? [31.0] : [], harness.EventTimes("Killing"));
    }
}
