using ProbeHarness.Kubelet.Tests.Fakes;
using static ProbeHarness.Kubelet.Tests.Fakes.TestPods;

namespace ProbeHarness.Kubelet.Tests;

/// <summary>Pod status generation (§1.7, §1.11): phase, conditions, container statuses, publishing.</summary>
public sealed class PodKubeletStatusTests
{
    [Fact]
    public async Task Before_admission_the_pod_is_Pending_on_the_emulated_node()
    {
        // Given a kubelet that has not started the pod
        await using var harness = new KubeletHarness(Pod(Container()));

        // When its snapshot is read
        var pod = harness.Pod;

        // Then it is Pending, scheduled, on node "emulated", with no IP and a ContainerCreating container
        Assert.Equal("Pending", pod.Status.Phase);
        Assert.Equal("emulated", pod.Spec.NodeName);
        Assert.Null(pod.Status.PodIP);
        Assert.Equal(["PodScheduled"], pod.Status.Conditions.Select(c => c.Type));
        Assert.Equal("ContainerCreating", pod.Status.ContainerStatuses[0].State.Waiting.Reason);
        Assert.Equal("BestEffort", pod.Status.QosClass);
    }

    [Fact]
    public async Task A_running_pod_without_probes_is_ready_with_every_condition_true()
    {
        // Given a pod without probes
        await using var harness = new KubeletHarness(Pod(Container()));

        // When it has started
        await harness.StartAsync();
        var pod = harness.Pod;

        // Then it is Running and ready, with the kubelet's conditions in the API's order and the pod's addresses
        Assert.Equal("Running", pod.Status.Phase);
        Assert.Equal(
            ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"],
            pod.Status.Conditions.Select(c => c.Type));
        Assert.All(pod.Status.Conditions, c => Assert.Equal("True", c.Status));
        Assert.Equal("127.0.0.10", pod.Status.PodIP);
        Assert.Equal("127.0.0.10", pod.Status.PodIPs.Single().Ip);
        Assert.Equal("127.0.0.1", pod.Status.HostIP);
        Assert.Equal(0.0, TestClock.SecondsOf(pod.Status.StartTime));
        var container = pod.Status.ContainerStatuses.Single();
        Assert.True(container.Ready);
        Assert.True(container.Started);
        Assert.Equal("emulated://app-1", container.ContainerID);
        Assert.Equal("emulated://probe-target:dev", container.ImageID);
        Assert.Equal(0, container.RestartCount);
    }

    [Fact]
    public async Task Unready_containers_are_named_in_ContainersReady_and_Ready()
    {
        // Given two containers whose readiness fails
        await using var harness = new KubeletHarness(Pod(
            Container("a", readiness: Http("/ready-a", period: 10)),
            Container("b", readiness: Http("/ready-b", period: 10))));
        harness.Prober["/ready-a"].Mode = EndpointMode.Failing;
        harness.Prober["/ready-b"].Mode = EndpointMode.Failing;

        // When the pod runs
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(1);

        // Then both conditions say which containers are unready
        foreach (var type in new[] { "Ready", "ContainersReady" })
        {
            var condition = harness.Condition(type)!;
            Assert.Equal("False", condition.Status);
            Assert.Equal("ContainersNotReady", condition.Reason);
            Assert.Equal("containers with unready status: [a b]", condition.Message);
        }

        // And when b recovers, only a is listed
        harness.Prober["/ready-b"].Mode = EndpointMode.Healthy;
        await harness.Clock.AdvanceToAsync(11);
        Assert.Equal("containers with unready status: [a]", harness.Condition("Ready")!.Message);
    }

    [Fact]
    public async Task LastTransitionTime_moves_only_when_the_condition_flips()
    {
        // Given a ready pod whose readiness (period 10 s, failureThreshold 1) fails from t=15 to t=35
        await using var harness = new KubeletHarness(Pod(Container(readiness: Http("/ready", period: 10, failureThreshold: 1))));
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(15);
        harness.Prober["/ready"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(35);
        var whileFailing = harness.Condition("Ready")!;

        // When it recovers
        harness.Prober["/ready"].Mode = EndpointMode.Healthy;
        await harness.Clock.AdvanceToAsync(45);

        // Then Ready went False at its 20.3 probe (whole seconds: 20) despite later failures, and True again at 40.3 (40)
        Assert.Equal(20.0, TestClock.SecondsOf(whileFailing.LastTransitionTime));
        Assert.Equal(40.0, TestClock.SecondsOf(harness.Condition("Ready")!.LastTransitionTime));
        Assert.Equal(0.0, TestClock.SecondsOf(harness.Condition("PodScheduled")!.LastTransitionTime));
        Assert.Equal(0.0, TestClock.SecondsOf(harness.Condition("Initialized")!.LastTransitionTime));
    }

    [Fact]
    public async Task The_v1_20_profile_has_no_PodReadyToStartContainers_condition()
    {
        // Given the v1.20 profile
        await using var harness = new KubeletHarness(Pod(Container()), new KubeletOptions { KubeletVersion = "v1.20.2", ResyncInterval = Timeout.InfiniteTimeSpan });

        // When the pod has started
        await harness.StartAsync();

        // Then the conditions are those of 1.20
        Assert.Equal(["Initialized", "Ready", "ContainersReady", "PodScheduled"], harness.Pod.Status.Conditions.Select(c => c.Type));
    }

    [Fact]
    public async Task StatusChanged_hands_out_independent_copies()
    {
        // Given a started pod and the last published copy
        await using var harness = new KubeletHarness(Pod(Container()));
        await harness.StartAsync();
        var published = harness.Statuses[^1].Pod;

        // When a subscriber mutates its copy
        published.Status.Phase = "Mutated";
        published.Metadata.Name = "other";

        // Then the kubelet's snapshot is untouched
        Assert.Equal("Running", harness.Pod.Status.Phase);
        Assert.Equal("web-0", harness.Pod.Metadata.Name);
    }

    [Fact]
    public async Task A_killed_container_does_not_disturb_its_sibling()
    {
        // Given two containers, only "a" with a liveness probe
        await using var harness = new KubeletHarness(Pod(Container("a", liveness: Http("/live-a", period: 10, failureThreshold: 1)), Container("b")));
        await harness.StartAsync();

        // When a fails liveness at t=10
        harness.Prober["/live-a"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(10.05);
        harness.Prober["/live-a"].Mode = EndpointMode.Healthy;
        await harness.Clock.AdvanceToAsync(12);

        // Then a was restarted and b kept its first instance
        Assert.Equal(1, harness.Container("a").RestartCount);
        Assert.Equal(0, harness.Container("b").RestartCount);
        Assert.Single(harness.Runtime.StartTimes("b"));
        Assert.Equal("Running", harness.Pod.Status.Phase);
    }

    [Fact]
    public async Task A_pod_without_a_readiness_probe_stays_ready_through_a_liveness_restart()
    {
        // Given a container with a liveness probe only, whose app takes 1 s to exit on SIGTERM
        await using var harness = new KubeletHarness(
            Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 1))),
            configureRuntime: r => r.Behaviours["app"] = new FakeContainerBehaviour { ExitAfterSigterm = TimeSpan.FromSeconds(1) });
        await harness.StartAsync();
        var before = harness.Statuses.Count;

        // When liveness fails at t=10 and the container is killed and restarted
        harness.Prober["/live"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(10.05);
        harness.Prober["/live"].Mode = EndpointMode.Healthy;
        await harness.Clock.AdvanceToAsync(13);

        // Then no published status showed the pod unready or the container other than running: the kill and the restart
        // happen in one sync, and the status manager publishes once per sync
        var published = harness.Statuses.Skip(before).Select(s => s.Pod).ToList();
        Assert.NotEmpty(published);
        Assert.All(published, p => Assert.Equal("True", p.Status.Conditions.Single(c => c.Type == "Ready").Status));
        Assert.All(published, p => Assert.NotNull(p.Status.ContainerStatuses.Single().State.Running));
        Assert.Empty(harness.ReadyFlips(ready: false));
        var after = harness.Container();
        Assert.Equal(1, after.RestartCount);
        Assert.Equal(143, after.LastState.Terminated.ExitCode);
        Assert.Equal("emulated://app-2", after.ContainerID);
    }

    [Fact]
    public async Task A_pod_with_a_readiness_probe_goes_unready_on_a_liveness_restart_until_the_new_container_is_ready()
    {
        // Given liveness and readiness probes on the same container
        await using var harness = new KubeletHarness(
            Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 1), readiness: Http("/ready", period: 10))));
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(1);
        Assert.True(harness.IsReady);

        // When liveness fails at t=10 and the container is restarted
        harness.Prober["/live"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(10.05);
        harness.Prober["/live"].Mode = EndpointMode.Healthy;
        await harness.Clock.AdvanceToAsync(25);

        // Then the new container starts unready (readiness starts at Failure) and is ready again after its first success
        Assert.NotEmpty(harness.ReadyFlips(ready: false));
        Assert.NotEmpty(harness.ReadyFlips(ready: true));
        Assert.True(harness.IsReady);
        Assert.Equal(1, harness.Container().RestartCount);
    }

    [Fact]
    public async Task An_invalid_probe_is_rejected_with_its_field_path()
    {
        // Given a liveness probe with successThreshold 2
        var pod = Pod(Container(liveness: Http("/live", successThreshold: 2)));

        // When the kubelet is created
        var error = Assert.Throws<ArgumentException>(() => new PodKubelet(pod, "127.0.0.10", new FakeContainerRuntime(TimeProvider.System), new FakeProbeRunner(TimeProvider.System), TimeProvider.System, new KubeletOptions()));

        // Then the message names the field like the API server
        Assert.Contains("spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1", error.Message);
    }
}
