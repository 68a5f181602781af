using ProbeHarness.Kubelet.Timing;
using k8s.Models;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Kubelet.Tests.Fakes;
using static ProbeHarness.Kubelet.Tests.Fakes.TestPods;

namespace ProbeHarness.Kubelet.Tests.Timing;

/// <summary>Detection-window formulas, and the emulator's timelines landing inside them (one semantics model).</summary>
public sealed class ReactionWindowTests
{
    [Theory]
    [InlineData(10, 1, 3, FaultKind.FailFast, 20, 30)]
    [InlineData(10, 1, 3, FaultKind.Hang, 21, 31)]
    [InlineData(1, 3, 3, FaultKind.Hang, 9, 10)]
    [InlineData(5, 2, 1, FaultKind.FailFast, 0, 5)]
    [InlineData(10, 5, 2, FaultKind.Hang, 15, 25)]
    public void Detection_after_a_fault_in_a_running_container(int period, int timeout, int failureThreshold, FaultKind kind, double min, double max)
    {
        // Given a liveness probe and a fault injected while it runs
        var query = new ReactionQuery(ProbeType.Liveness, Http("/live", period, timeout, failureThreshold), new ProbeFault(kind), ReactionMeasure.Kill);

        // When the window is predicted
        var window = ReactionWindow.Predict(query);

        // Then [(fT−1)·max(p, δ) + δ, p + (fT−1)·max(p, δ) + δ]
        Assert.Equal((min, max), (window.Min.TotalSeconds, window.Max.TotalSeconds));
        Assert.Contains($"p={period}", window.Formula);
        Assert.False(window.Never);
    }

    [Theory]
    [InlineData(3.0, 7, 9)]
    [InlineData(9.5, 1, 2.5)]
    [InlineData(12.0, 1, 2)]
    public void A_fault_injected_before_the_initial_delay_ended_is_first_probed_when_it_ends(double sinceStart, double min, double max)
    {
        // Given liveness with initialDelaySeconds 10, period 1, failureThreshold 2, and a fault s seconds after the container's start
        var probe = Http("/live", period: 1, failureThreshold: 2, initialDelay: 10);
        var fault = ProbeFault.FailFast() with { SinceStart = TimeSpan.FromSeconds(sinceStart) };

        // When the kill window is predicted
        var window = ReactionWindow.Predict(new ReactionQuery(ProbeType.Liveness, probe, fault, ReactionMeasure.Kill));

        // Then the rest of the initial delay, l = d − s, comes before [(fT−1)·p, p + (fT−1)·p]; after it ended the usual window applies
        Assert.Equal((min, max), (window.Min.TotalSeconds, window.Max.TotalSeconds));
        Assert.Equal(sinceStart < 10, window.Formula.Contains("l=d−s", StringComparison.Ordinal));
    }

    [Fact]
    public void Slow_answers_within_the_timeout_are_never_detected_and_slower_ones_act_like_a_hang()
    {
        // Given timeout 2 s
        var probe = Http("/live", period: 10, timeout: 2, failureThreshold: 3);

        // When the answers take 1.5 s or 2 s
        var fast = ReactionWindow.Predict(new ReactionQuery(ProbeType.Liveness, probe, ProbeFault.Slow(TimeSpan.FromSeconds(1.5)), ReactionMeasure.Kill));
        var slow = ReactionWindow.Predict(new ReactionQuery(ProbeType.Liveness, probe, ProbeFault.Slow(TimeSpan.FromSeconds(2)), ReactionMeasure.Kill));

        // Then the first never fails, the second fails like a hang
        Assert.True(fast.Never);
        Assert.Contains("every attempt succeeds", fast.Formula);
        Assert.Equal((22.0, 32.0), (slow.Min.TotalSeconds, slow.Max.TotalSeconds));
    }

    [Theory]
    [InlineData(1, 2, true)]
    [InlineData(2, 2, false)]
    [InlineData(3, 2, false)]
    public void A_flap_is_detected_only_when_its_failure_runs_reach_the_threshold(int every, int failureThreshold, bool never)
    {
        // Given a flapping endpoint
        var query = new ReactionQuery(ProbeType.Liveness, Http("/live", period: 10, failureThreshold: failureThreshold), ProbeFault.Flap(every), ReactionMeasure.Kill);

        // When predicted
        var window = ReactionWindow.Predict(query);

        // Then never for runs shorter than fT, else like fail-fast
        Assert.Equal(never, window.Never);
        if (!never)
        {
            Assert.Equal((10.0, 20.0), (window.Min.TotalSeconds, window.Max.TotalSeconds));
        }
    }

    [Fact]
    public void A_fault_present_from_start_counts_initial_delay_in_truncated_seconds()
    {
        // Given initialDelay 5, period 1, failureThreshold 1, failing from the start
        var query = new ReactionQuery(ProbeType.Liveness, Http("/live", period: 1, failureThreshold: 1, initialDelay: 5), ProbeFault.FailFast() with { PresentFromStart = true }, ReactionMeasure.Kill);

        // When predicted
        var window = ReactionWindow.Predict(query);

        // Then [d−1, d+p] after the container start
        Assert.Equal((4.0, 6.0), (window.Min.TotalSeconds, window.Max.TotalSeconds));
        Assert.StartsWith("from container start", window.Formula);
    }

    [Theory]
    [InlineData(0.1, 0, 20.1, 30.1)]
    [InlineData(null, 0, 50, 60)]
    [InlineData(0.1, 20, 40.1, 65.1)]
    public void Restart_adds_the_exit_and_the_back_off(double? exitAfter, double backOff, double min, double max)
    {
        // Given a default liveness probe, grace 30 s
        var query = new ReactionQuery(ProbeType.Liveness, Http("/live"), ProbeFault.FailFast(), ReactionMeasure.Restart)
        {
            ExitAfterSigterm = exitAfter is null ? null : TimeSpan.FromSeconds(exitAfter.Value),
            RestartBackOff = TimeSpan.FromSeconds(backOff),
        };

        // When predicted
        var window = ReactionWindow.Predict(query);

        // Then detection + exit (or grace) + back-off (up to 1.5 retry periods late)
        Assert.Equal((min, max), (Math.Round(window.Min.TotalSeconds, 6), Math.Round(window.Max.TotalSeconds, 6)));
    }

    [Fact]
    public void A_v1_20_startup_kill_may_wait_for_the_next_resync()
    {
        // Given a startup probe failing from start on the v1.20 profile
        var query = new ReactionQuery(ProbeType.Startup, Http("/s", period: 1, failureThreshold: 3), ProbeFault.FailFast() with { PresentFromStart = true }, ReactionMeasure.Kill)
        {
            Profile = KubeletProfile.V120,
        };

        // When predicted
        var window = ReactionWindow.Predict(query);

        // Then up to 1.5 × 60 s is added to the latest time
        Assert.Equal((2.0, 93.0), (window.Min.TotalSeconds, window.Max.TotalSeconds));
        Assert.Contains("v1.20", window.Formula);
    }

    [Theory]
    [InlineData(FaultKind.Recover, 10, 1, 3, 20, 30)]
    [InlineData(FaultKind.Hang, 10, 15, 3, 20, 35)]
    [InlineData(FaultKind.FailFast, 5, 1, 1, 0, 5)]
    public void Ready_again_after_recovery_needs_successThreshold_successes(FaultKind from, int period, int timeout, int successThreshold, double min, double max)
    {
        // Given a readiness probe recovering from the fault
        var query = new ReactionQuery(ProbeType.Readiness, Http("/ready", period, timeout, successThreshold: successThreshold), new ProbeFault(from), ReactionMeasure.ReadyAgain);

        // When predicted
        var window = ReactionWindow.Predict(query);

        // Then [(sT−1)·p, first + (sT−1)·p]
        Assert.Equal((min, max), (window.Min.TotalSeconds, window.Max.TotalSeconds));
    }

    [Fact]
    public void Ready_from_start_with_only_a_readiness_probe_waits_the_initial_delay_then_successThreshold_successes()
    {
        // Given a readiness probe with d = 4, p = 2, sT = 3 and no startup probe
        var probe = Http("/ready", 2, 1, successThreshold: 3);
        probe.InitialDelaySeconds = 4;
        var query = new ReactionQuery(ProbeType.Readiness, probe, ProbeFault.Recover(), ReactionMeasure.Ready);

        // When predicted
        var window = ReactionWindow.Predict(query);

        // Then [max(d−1, 0) + (sT−1)·p, d + p + (sT−1)·p]
        Assert.Equal((3 + 4.0, 4 + 2 + 4.0), (window.Min.TotalSeconds, window.Max.TotalSeconds));
        Assert.StartsWith("ready from container start", window.Formula);
    }

    [Fact]
    public void Measures_that_do_not_apply_are_rejected_and_a_measurement_is_judged_with_its_precision_and_the_jitter()
    {
        // Given a liveness kill window [0, 5] s with 1 s of jitter
        Assert.Throws<ArgumentException>(() => ReactionWindow.Predict(new ReactionQuery(ProbeType.Readiness, Http("/r"), ProbeFault.FailFast(), ReactionMeasure.Restart)));
        Assert.Throws<ArgumentException>(() => ReactionWindow.Predict(new ReactionQuery(ProbeType.Liveness, Http("/l"), ProbeFault.FailFast(), ReactionMeasure.ReadyAgain)));
        var window = ReactionWindow.Predict(new ReactionQuery(ProbeType.Liveness, Http("/l", period: 5, failureThreshold: 1), ProbeFault.FailFast(), ReactionMeasure.Kill));

        // When measurements are judged
        var inside = window.Judge(new MeasuredDuration(5.8, 5.8));
        var lateButImprecise = window.Judge(new MeasuredDuration(5.5, 6.5));
        var late = window.Judge(new MeasuredDuration(6.2, 6.4));
        var missed = window.Judge(null);

        // Then the window widens only by the jitter and the measurement's own precision
        Assert.Equal((0.0, 5.0, 6.0), (window.Min.TotalSeconds, window.Max.TotalSeconds, window.Latest.TotalSeconds));
        Assert.Contains("± up to 1 s", window.Formula);
        Assert.Equal([TimingVerdict.WithinBound, TimingVerdict.WithinBound, TimingVerdict.Late, TimingVerdict.Missed], [inside, lateButImprecise, late, missed]);
    }

    [Theory]
    [InlineData(10, 1, 3, EndpointMode.Failing, 30.0)]
    [InlineData(10, 1, 3, EndpointMode.Failing, 34.95)]
    [InlineData(10, 1, 3, EndpointMode.Failing, 39.99)]
    [InlineData(10, 1, 3, EndpointMode.Hang, 35.5)]
    [InlineData(1, 3, 3, EndpointMode.Hang, 30.5)]
    [InlineData(2, 5, 2, EndpointMode.Hang, 31.2)]
    public async Task The_emulator_kills_inside_the_predicted_window(int period, int timeout, int failureThreshold, EndpointMode fault, double injectAt)
    {
        // Given a liveness probe and the window predicted for the fault
        var probe = Http("/live", period, timeout, failureThreshold);
        var kind = fault == EndpointMode.Hang ? FaultKind.Hang : FaultKind.FailFast;
        var detected = ReactionWindow.Predict(new ReactionQuery(ProbeType.Liveness, probe, new ProbeFault(kind), ReactionMeasure.Kill));
        var restarted = ReactionWindow.Predict(new ReactionQuery(ProbeType.Liveness, probe, new ProbeFault(kind), ReactionMeasure.Restart)
        {
            ExitAfterSigterm = TimeSpan.FromSeconds(0.1),
        });
        await using var harness = new KubeletHarness(Pod(Container(liveness: probe)));
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(injectAt);

        // When the fault is injected and the kubelet reacts
        harness.Prober["/live"].Mode = fault;
        await harness.Clock.AdvanceUntilAsync(() => harness.Runtime.Instances.Count == 2, TimeSpan.FromMinutes(2));

        // Then the kill and the restart fall inside the windows
        var killedAfter = TimeSpan.FromSeconds(harness.EventTimes("Killing").Single() - injectAt);
        var runningAfter = harness.Runtime.Instances[1].StartedAt - TestClock.Epoch - TimeSpan.FromSeconds(injectAt);
        Assert.True(detected.Contains(killedAfter), $"kill after {killedAfter.TotalSeconds} s, predicted {detected}");
        Assert.True(restarted.Judge(new MeasuredDuration(runningAfter.TotalSeconds, runningAfter.TotalSeconds)) == TimingVerdict.WithinBound, $"running after {runningAfter.TotalSeconds} s, predicted {restarted}");
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(5, 0)]
    [InlineData(5, 3)]
    [InlineData(12, 2)]
    public async Task The_emulator_detects_a_fault_present_from_start_inside_the_predicted_window(int initialDelay, int failureThreshold)
    {
        // Given a liveness probe (period 10 s) failing from the start
        var probe = Http("/live", period: 10, failureThreshold: failureThreshold == 0 ? 1 : failureThreshold, initialDelay: initialDelay);
        var window = ReactionWindow.Predict(new ReactionQuery(ProbeType.Liveness, probe, ProbeFault.FailFast() with { PresentFromStart = true }, ReactionMeasure.Kill));
        await using var harness = new KubeletHarness(Pod(Container(liveness: probe)));
        harness.Prober["/live"].Mode = EndpointMode.Failing;

        // When the pod starts and is killed
        await harness.StartAsync();
        await harness.Clock.AdvanceUntilAsync(() => harness.EventTimes("Killing").Count > 0, TimeSpan.FromMinutes(2));

        // Then the kill, counted from the container's start, is inside the window
        var sinceStart = TimeSpan.FromSeconds(harness.EventTimes("Killing")[0]) - (harness.Runtime.Instances[0].StartedAt - TestClock.Epoch);
        Assert.True(window.Contains(sinceStart), $"kill {sinceStart.TotalSeconds} s after start, predicted {window}");
    }

    [Fact]
    public async Task The_emulator_flips_readiness_back_inside_the_predicted_window()
    {
        // Given readiness (period 10 s, successThreshold 2) failing until t=47.5
        var probe = Http("/ready", period: 10, failureThreshold: 1, successThreshold: 2);
        var window = ReactionWindow.Predict(new ReactionQuery(ProbeType.Readiness, probe, ProbeFault.Recover(), ReactionMeasure.ReadyAgain));
        await using var harness = new KubeletHarness(Pod(Container(readiness: probe)));
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(25);
        harness.Prober["/ready"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(47.5);

        // When it recovers
        harness.Prober["/ready"].Mode = EndpointMode.Healthy;
        await harness.Clock.AdvanceUntilAsync(() => harness.IsReady, TimeSpan.FromMinutes(1));

        // Then Ready came back within [(sT−1)·p, sT·p]
        var after = TimeSpan.FromSeconds(harness.ReadyFlips(true).Last() - 47.5);
        Assert.True(window.Contains(after), $"ready {after.TotalSeconds} s after recovery, predicted {window}");
    }
}
