using ProbeHarness.Kubelet.Tests.Fakes;
using static ProbeHarness.Kubelet.Tests.Fakes.TestPods;

namespace ProbeHarness.Kubelet.Tests;

/// <summary>Pod deletion (§1.8): grace period, readiness during termination, no liveness kill, final status.</summary>
public sealed class PodKubeletTerminationTests
{
    [Fact]
    public async Task Termination_stops_every_container_and_ends_in_a_terminal_phase()
    {
        // Given a running pod whose app exits 0.1 s after SIGTERM
        await using var harness = new KubeletHarness(Pod(Container(readiness: Http("/ready", period: 10))));
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(5);
        var instance = harness.Runtime.Latest("app");

        // When the pod is deleted with the default grace period
        var terminated = harness.Kubelet.TerminateAsync(null, CancellationToken.None);
        await harness.Clock.AdvanceToAsync(6);
        await terminated;

        // Then deletionTimestamp is now + 30 s, the container got SIGTERM with 30 s and the pod ended Failed (exit 143)
        var pod = harness.Pod;
        Assert.Equal(35.0, TestClock.SecondsOf(pod.Metadata.DeletionTimestamp));
        Assert.Equal(30, pod.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal(TimeSpan.FromSeconds(30), instance.StopRequests.Single().Grace);
        Assert.Equal(["Stopping container app"], harness.Messages("Killing"));
        Assert.Equal("Failed", pod.Status.Phase);
        Assert.Equal(143, pod.Status.ContainerStatuses[0].State.Terminated.ExitCode);
        Assert.False(pod.Status.ContainerStatuses[0].Ready);
        Assert.Equal("PodFailed", harness.Condition("Ready")!.Reason);
        Assert.Equal("False", harness.Condition("PodReadyToStartContainers")!.Status);
        Assert.Single(harness.Runtime.StartRequests);
    }

    [Fact]
    public async Task Readiness_keeps_probing_during_the_grace_period_and_liveness_never_kills()
    {
        // Given readiness and liveness (period 1 s, failureThreshold 2) and an app that ignores SIGTERM
        await using var harness = new KubeletHarness(
            Pod(Container(liveness: Http("/live", period: 1, failureThreshold: 2), readiness: Http("/ready", period: 1, failureThreshold: 2))),
            configureRuntime: r => r.Behaviours["app"] = new FakeContainerBehaviour { ExitAfterSigterm = null });
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(5);

        // When it is deleted with a 20 s grace period and both endpoints fail from t=10
        var terminated = harness.Kubelet.TerminateAsync(20, CancellationToken.None);
        await harness.Clock.AdvanceToAsync(9.5);
        Assert.True(harness.IsReady);
        harness.Prober["/ready"].Mode = EndpointMode.Failing;
        harness.Prober["/live"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(26);
        await terminated;

        // Then readiness went on probing (on the x.3 rhythm its start trigger set) and flipped Ready at its second failure (11.3),
        // liveness stopped at deletion,
        // and the container was SIGKILLed at the deadline (25)
        Assert.Contains(harness.Prober["/ready"].Calls, t => TestClock.SecondsOf(t) > 20);
        Assert.All(harness.Prober["/live"].Calls, t => Assert.True(TestClock.SecondsOf(t) <= 5));
        Assert.Equal(11.3, harness.ReadyFlips(false).Single(), 6);
        Assert.Equal(["Stopping container app"], harness.Messages("Killing"));
        Assert.Equal(137, harness.Container().State.Terminated.ExitCode);
        Assert.Equal(25.0, TestClock.SecondsOf(harness.Container().State.Terminated.FinishedAt));
    }

    [Fact]
    public async Task A_pod_deleted_on_v1_20_stays_Running_in_its_final_status()
    {
        // Given the v1.20 profile
        await using var harness = new KubeletHarness(Pod(Container()), new KubeletOptions { KubeletVersion = "v1.20.2", ResyncInterval = Timeout.InfiniteTimeSpan });
        await harness.StartAsync();

        // When the pod is deleted
        var terminated = harness.Kubelet.TerminateAsync(5, CancellationToken.None);
        await harness.Clock.AdvanceToAsync(2);
        await terminated;

        // Then its containers are terminated but getPhase (restartPolicy Always, no terminal flag) still says Running
        Assert.Equal("Running", harness.Pod.Status.Phase);
        Assert.NotNull(harness.Container().State.Terminated);
        Assert.Equal("ContainersNotReady", harness.Condition("Ready")!.Reason);
    }

    [Fact]
    public async Task A_crash_looping_container_is_not_restarted_once_deletion_starts()
    {
        // Given a container waiting in CrashLoopBackOff
        await using var harness = new KubeletHarness(Pod(Container()));
        await harness.StartAsync();
        harness.Runtime.Latest("app").Crash(1);
        await harness.Clock.AdvanceToAsync(1);
        harness.Runtime.Latest("app").Crash(1);
        await harness.Clock.AdvanceToAsync(2);
        Assert.Equal("CrashLoopBackOff", harness.Container().State.Waiting?.Reason);

        // When the pod is deleted and a minute passes
        var terminated = harness.Kubelet.TerminateAsync(30, CancellationToken.None);
        await harness.Clock.AdvanceToAsync(60);
        await terminated;

        // Then nothing restarted it; it shows the last exit as terminated
        Assert.Equal(2, harness.Runtime.StartRequests.Count);
        Assert.Equal(1, harness.Container().State.Terminated.ExitCode);
        Assert.Equal("Failed", harness.Pod.Status.Phase);
    }

    [Fact]
    public async Task A_zero_grace_deletion_still_gives_two_seconds()
    {
        // Given a running pod
        await using var harness = new KubeletHarness(Pod(Container()));
        await harness.StartAsync();

        // When it is deleted with grace 0
        var terminated = harness.Kubelet.TerminateAsync(0, CancellationToken.None);
        await harness.Clock.AdvanceToAsync(3);
        await terminated;

        // Then StopContainer got the 2 s minimum
        Assert.Equal(TimeSpan.FromSeconds(2), harness.Runtime.Latest("app").StopRequests.Single().Grace);
    }
}
