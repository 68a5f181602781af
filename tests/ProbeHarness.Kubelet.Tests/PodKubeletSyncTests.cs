using ProbeHarness.Kubelet.Tests.Fakes;
using static ProbeHarness.Kubelet.Tests.Fakes.TestPods;

namespace ProbeHarness.Kubelet.Tests;

/// <summary>Kills, restarts, CrashLoopBackOff and restart policies (§1.5–1.7) observed through the pod kubelet on a fake clock.</summary>
public sealed class PodKubeletSyncTests
{
    [Fact]
    public async Task Probe_level_grace_overrides_the_pod_grace_and_the_restart_follows_the_exit_at_once()
    {
        // Given pod grace 30 s, liveness grace 5 s, and an app that ignores SIGTERM
        var pod = Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 1, terminationGracePeriodSeconds: 5)));
        pod.Spec.TerminationGracePeriodSeconds = 30;
        await using var harness = new KubeletHarness(pod, configureRuntime: r => r.Behaviours["app"] = new FakeContainerBehaviour { ExitAfterSigterm = null });
        await harness.StartAsync();
        var first = harness.Runtime.Latest("app");

        // When liveness fails at its t=10 tick
        harness.Prober["/live"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(16);

        // Then StopContainer got 5 s, SIGKILL ended it at 15 (137) and the new container was requested at 15 (no back-off)
        Assert.Equal([(TestClock.Epoch.AddSeconds(10), TimeSpan.FromSeconds(5))], first.StopRequests);
        Assert.Equal(137, (await first.Exited).ExitCode);
        Assert.Equal([0.0, 15.0], harness.Runtime.StartTimes("app").Select(TestClock.SecondsOf));
    }

    [Fact]
    public async Task The_kill_grace_period_is_floored_at_two_seconds()
    {
        // Given a liveness grace of 1 s
        await using var harness = new KubeletHarness(
            Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 1, terminationGracePeriodSeconds: 1))),
            configureRuntime: r => r.Behaviours["app"] = new FakeContainerBehaviour { ExitAfterSigterm = null });
        await harness.StartAsync();
        var first = harness.Runtime.Latest("app");

        // When liveness fails
        harness.Prober["/live"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(13);

        // Then the container got 2 s
        Assert.Equal(TimeSpan.FromSeconds(2), first.StopRequests.Single().Grace);
        Assert.Equal(12.0, TestClock.SecondsOf((await first.Exited).FinishedAt));
    }

    [Fact]
    public async Task The_pod_grace_period_applies_without_a_probe_level_one()
    {
        // Given pod grace 7 s and no probe-level grace
        var pod = Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 1)));
        pod.Spec.TerminationGracePeriodSeconds = 7;
        await using var harness = new KubeletHarness(pod);
        await harness.StartAsync();
        var first = harness.Runtime.Latest("app");

        // When liveness fails
        harness.Prober["/live"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(11);

        // Then StopContainer got 7 s
        Assert.Equal(TimeSpan.FromSeconds(7), first.StopRequests.Single().Grace);
    }

    [Theory]
    [InlineData(null, 143, 137)]
    [InlineData(0.1, 143, 143)]
    [InlineData(0.1, 42, 42)]
    public async Task Status_after_a_liveness_restart_shows_the_killed_instance_in_lastState(double? exitAfter, int sigtermCode, int expected)
    {
        // Given an app that exits on SIGTERM (143), traps it (own code) or ignores it (137 at the 2 s deadline)
        var behaviour = new FakeContainerBehaviour
        {
            ExitAfterSigterm = exitAfter is null ? null : TimeSpan.FromSeconds(exitAfter.Value),
            SigtermExitCode = sigtermCode,
        };
        var pod = Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 1, terminationGracePeriodSeconds: 2), readiness: Http("/ready", period: 10)));
        await using var harness = new KubeletHarness(pod, configureRuntime: r => r.Behaviours["app"] = behaviour);
        await harness.StartAsync();
        var firstId = harness.Runtime.Latest("app").ContainerId;

        // When liveness fails once at t=10 and the new container is up
        harness.Prober["/live"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(10.01);
        harness.Prober["/live"].Mode = EndpointMode.Healthy;
        harness.Prober["/ready"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(15);

        // Then restartCount is 1, lastState.terminated is the killed instance, and the new one is not ready yet
        var status = harness.Container();
        Assert.Equal(1, status.RestartCount);
        Assert.NotNull(status.State.Running);
        Assert.NotEqual(firstId, status.ContainerID);
        var last = status.LastState.Terminated;
        Assert.Equal(expected, last.ExitCode);
        Assert.Equal("Error", last.Reason);
        Assert.Equal(firstId, last.ContainerID);
        Assert.Equal(0.0, TestClock.SecondsOf(last.StartedAt));
        Assert.Equal(exitAfter is null ? 12.0 : 10.0, TestClock.SecondsOf(last.FinishedAt));
        Assert.False(status.Ready);
        Assert.True(status.Started);
    }

    [Fact]
    public async Task Startup_probe_that_never_passes_kills_after_threshold_times_period_and_restarts_at_once()
    {
        // Given a startup probe with period 10 s and failureThreshold 3 that never passes
        await using var harness = new KubeletHarness(Pod(Container(startup: Http("/startup", period: 10, failureThreshold: 3))));
        harness.Prober["/startup"].Mode = EndpointMode.Failing;

        // When the pod runs 35 s
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(35);

        // Then attempts at 10, 20, 30 and the kill at 30, the restart requested when it exited at 30.1
        Assert.Equal([10.0, 20.0, 30.0], harness.Prober["/startup"].Calls.Select(TestClock.SecondsOf));
        Assert.Equal([30.0], harness.EventTimes("Killing"));
        Assert.Equal("Container app failed startup probe, will be restarted", harness.Messages("Killing").Single());
        Assert.Equal([0.0, 30.1], harness.Runtime.StartTimes("app").Select(TestClock.SecondsOf));
        Assert.Equal(1, harness.Container().RestartCount);
        Assert.False(harness.Container().Started);
    }

    [Fact]
    public async Task Startup_failure_kill_waits_for_the_periodic_sync_on_v1_20()
    {
        // Given the v1.20 profile with a 60 s resync and a startup probe failing 3 times by t=3
        var options = new KubeletOptions { KubeletVersion = "v1.20.2", Random = new Random(7) };
        await using var harness = new KubeletHarness(Pod(Container(startup: Http("/startup", period: 1, failureThreshold: 3))), options);
        harness.Prober["/startup"].Mode = EndpointMode.Failing;

        // When the pod runs for 100 s
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(100);

        // Then the threshold was reached at 3 s but the kill came with the next periodic sync, 60–90 s after the last sync (0.3 s)
        Assert.Equal(3, harness.Prober["/startup"].Calls.Count(c => TestClock.SecondsOf(c) <= 3));
        Assert.InRange(harness.EventTimes("Killing").First(), 60.3, 90.3);
    }

    [Fact]
    public async Task The_probe_rhythm_carries_across_a_restart()
    {
        // Given liveness period 10 s, failureThreshold 1
        await using var harness = new KubeletHarness(Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 1))));
        await harness.StartAsync();

        // When it fails once at t=10 and the container restarts at 10.1 (running at 10.4)
        harness.Prober["/live"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(10.01);
        harness.Prober["/live"].Mode = EndpointMode.Healthy;
        await harness.Clock.AdvanceToAsync(35);

        // Then the new container is probed on the admission rhythm (20, 30), not at 10.4 + k·10
        Assert.Equal([10.0, 20.0, 30.0], harness.Prober["/live"].Calls.Select(TestClock.SecondsOf));
    }

    [Fact]
    public async Task A_crash_loop_backs_off_0_10_20_40_80_160_300_seconds()
    {
        // Given a container that crashes (exit 1) one second after every start
        await using var harness = new KubeletHarness(
            Pod(Container()),
            configureRuntime: r => r.Behaviours["app"] = new FakeContainerBehaviour { CrashAfter = TimeSpan.FromSeconds(1) });
        var waiting = new List<string>();
        harness.Kubelet.StatusChanged += p =>
        {
            if (p.Status.ContainerStatuses[0].State.Waiting is { Reason: "CrashLoopBackOff" } w && !waiting.Contains(w.Message))
            {
                waiting.Add(w.Message);
            }
        };

        // When it crashes 7 times
        await harness.StartAsync();
        await harness.Clock.AdvanceUntilAsync(() => harness.Runtime.StartRequests.Count == 8, TimeSpan.FromMinutes(20));
        await harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(0.5));

        // Then each restart came at least the nominal back-off after the exit and at most one retry period (15 s) later
        var starts = harness.Runtime.StartTimes("app");
        var exits = harness.Runtime.Instances.Take(7).Select(i => i.Exited.Result.FinishedAt).ToList();
        var gaps = exits.Select((exit, i) => (starts[i + 1] - exit).TotalSeconds).ToList();
        double[] nominal = [0, 10, 20, 40, 80, 160, 300];
        Assert.Equal(0, gaps[0]);
        for (var i = 1; i < nominal.Length; i++)
        {
            Assert.InRange(gaps[i], nominal[i], nominal[i] + 15);
        }

        Assert.Equal(
            ["10s", "20s", "40s", "1m20s", "2m40s", "5m0s"],
            waiting.Select(m => m.Split(' ')[1]));
        Assert.Equal("back-off 10s restarting failed container=app pod=web-0_default(uid-1)", waiting[0]);
        Assert.All(harness.Messages("BackOff"), m => Assert.Equal("Back-off restarting failed container app in pod web-0_default(uid-1)", m));
        Assert.Equal(7, harness.Container().RestartCount);
    }

    [Fact]
    public async Task The_back_off_resets_after_ten_minutes_of_running()
    {
        // Given a container that crashed three times in a row (back-off now 20 s, then 40 s)
        await using var harness = new KubeletHarness(Pod(Container()));
        await harness.StartAsync();
        for (var crash = 0; crash < 3; crash++)
        {
            var instances = harness.Runtime.Instances.Count;
            harness.Runtime.Latest("app").Crash(1);
            await harness.Clock.AdvanceUntilAsync(() => harness.Runtime.Instances.Count > instances, TimeSpan.FromMinutes(2));
        }

        // When it then runs for 11 minutes and crashes again
        await harness.Clock.AdvanceAsync(TimeSpan.FromMinutes(11));
        harness.Runtime.Latest("app").Crash(1);
        var crashedAt = TestClock.SecondsOf(harness.Clock.Time.GetUtcNow());
        await harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        // Then the restart is immediate, as for a first crash
        Assert.Equal(crashedAt, TestClock.SecondsOf(harness.Runtime.StartTimes("app").Last()));
        Assert.Equal(4, harness.Container().RestartCount);
    }

    [Fact]
    public async Task Repeated_liveness_kills_are_held_back_once_the_previous_exit_is_inside_the_back_off()
    {
        // Given liveness period 10 s, failureThreshold 1, failing all the time
        await using var harness = new KubeletHarness(Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 1))));
        await harness.StartAsync();
        harness.Prober["/live"].Mode = EndpointMode.Failing;

        // When it is killed at 10, 20, 30 and 40
        await harness.Clock.AdvanceToAsync(90);

        // Then the first three restarts were immediate; at 40 the previous exit (30.1) was within the 20 s back-off,
        // so the fourth restart waited for ≥ 20 s after the 40.1 exit
        var starts = harness.Runtime.StartTimes("app").Select(TestClock.SecondsOf).ToList();
        Assert.Equal([0.0, 10.1, 20.1, 30.1], starts.Take(4));
        Assert.InRange(starts[4], 60.1, 75.1);
        Assert.Contains("back-off 20s restarting failed container=app pod=web-0_default(uid-1)", harness.Statuses.Select(s => s.Pod.Status.ContainerStatuses[0].State.Waiting?.Message));
    }

    [Fact]
    public async Task RestartPolicy_Never_kills_without_restart_and_fails_the_pod()
    {
        // Given restartPolicy Never and a liveness probe that fails
        var pod = Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 1)));
        pod.Spec.RestartPolicy = "Never";
        await using var harness = new KubeletHarness(pod);
        await harness.StartAsync();
        harness.Prober["/live"].Mode = EndpointMode.Failing;

        // When it fails at t=10
        await harness.Clock.AdvanceToAsync(60);

        // Then no ", will be restarted", no restart, the pod is Failed and its workers stopped probing
        Assert.Equal("Container app failed liveness probe", harness.Messages("Killing").Single());
        Assert.Single(harness.Runtime.StartRequests);
        Assert.Equal("Failed", harness.Pod.Status.Phase);
        Assert.Equal(143, harness.Container().State.Terminated.ExitCode);
        Assert.Equal("PodFailed", harness.Condition("Ready")!.Reason);
        Assert.Equal("False", harness.Condition("PodReadyToStartContainers")!.Status);
        Assert.Equal([10.0], harness.Prober["/live"].Calls.Select(TestClock.SecondsOf));
    }

    [Fact]
    public async Task RestartPolicy_OnFailure_restarts_failures_but_not_a_clean_exit()
    {
        // Given restartPolicy OnFailure
        var pod = Pod(Container());
        pod.Spec.RestartPolicy = "OnFailure";
        await using var harness = new KubeletHarness(pod);
        await harness.StartAsync();

        // When it exits 2 (restarted), then exits 0
        harness.Runtime.Latest("app").Crash(2);
        await harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        var afterFailure = harness.Runtime.StartRequests.Count;
        harness.Runtime.Latest("app").Crash(0);
        await harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(60));

        // Then only the failure was restarted and the pod Succeeded
        Assert.Equal(2, afterFailure);
        Assert.Equal(2, harness.Runtime.StartRequests.Count);
        Assert.Equal("Succeeded", harness.Pod.Status.Phase);
        Assert.Equal("Completed", harness.Container().State.Terminated.Reason);
        Assert.Equal("PodCompleted", harness.Condition("ContainersReady")!.Reason);
    }

    [Fact]
    public async Task RestartPolicy_OnFailure_restarts_after_a_liveness_kill_even_with_exit_code_0()
    {
        // Given restartPolicy OnFailure and an app that exits 0 on SIGTERM
        var pod = Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 1)));
        pod.Spec.RestartPolicy = "OnFailure";
        await using var harness = new KubeletHarness(pod, configureRuntime: r => r.Behaviours["app"] = new FakeContainerBehaviour { SigtermExitCode = 0 });
        await harness.StartAsync();

        // When liveness fails at t=10
        harness.Prober["/live"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(10.5);

        // Then the kill restarted it anyway (computePodActions adds it to ContainersToStart)
        Assert.Equal("Container app failed liveness probe, will be restarted", harness.Messages("Killing").Single());
        Assert.Equal(2, harness.Runtime.StartRequests.Count);
        Assert.Equal(0, harness.Container().LastState.Terminated.ExitCode);
    }

    [Fact]
    public async Task A_crash_shows_terminated_then_restarts_at_once_the_first_time()
    {
        // Given a running container
        await using var harness = new KubeletHarness(Pod(Container()));
        await harness.StartAsync();

        // When it crashes with exit 3 at t=5
        await harness.Clock.AdvanceToAsync(5);
        harness.Runtime.Latest("app").Crash(3);
        await harness.Clock.AdvanceToAsync(6);

        // Then the status went Terminated (Error, 3), then Running with restartCount 1 and lastState exit 3
        Assert.Contains(harness.Statuses, s => s.Pod.Status.ContainerStatuses[0].State.Terminated is { ExitCode: 3, Reason: "Error" });
        Assert.Equal([0.0, 5.0], harness.Runtime.StartTimes("app").Select(TestClock.SecondsOf));
        Assert.Equal(1, harness.Container().RestartCount);
        Assert.Equal(3, harness.Container().LastState.Terminated.ExitCode);
        Assert.Equal("Running", harness.Pod.Status.Phase);
    }

    [Fact]
    public async Task A_start_the_runtime_rejects_is_a_StartError_retried_like_a_crash()
    {
        // Given a runtime whose first start fails
        await using var harness = new KubeletHarness(Pod(Container()), configureRuntime: r => r.FailingStarts = 1);
        var startErrors = new List<int>();
        harness.Kubelet.StatusChanged += p =>
        {
            if (p.Status.ContainerStatuses[0].State.Terminated is { Reason: "StartError" } t)
            {
                startErrors.Add(t.ExitCode);
            }
        };

        // When the pod starts
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(1);

        // Then the failed start showed as StartError (128) with a Failed event, and the retry (no back-off yet) runs
        Assert.Equal(128, startErrors.First());
        Assert.Equal("Error: exec format error", harness.Messages("Failed").Single());
        Assert.Equal([0.0, 0.0], harness.Runtime.StartTimes("app").Select(TestClock.SecondsOf));
        Assert.Equal(1, harness.Container().RestartCount);
        Assert.NotNull(harness.Container().State.Running);
    }
}
