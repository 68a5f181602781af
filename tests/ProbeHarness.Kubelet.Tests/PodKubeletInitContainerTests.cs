using k8s.Models;
using ProbeHarness.Kubelet.Tests.Fakes;
using static ProbeHarness.Kubelet.Tests.Fakes.TestPods;

namespace ProbeHarness.Kubelet.Tests;

/// <summary>Init containers and sidecars (restartable init containers) through the pod kubelet on a fake clock.</summary>
public sealed class PodKubeletInitContainerTests
{
    [Fact]
    public async Task Init_containers_run_in_order_to_completion_before_the_app_container()
    {
        // Given two init containers that exit 0 after 2 s each
        var pod = Pod(Container());
        pod.Spec.InitContainers = [Container("first"), Container("second")];
        await using var harness = new KubeletHarness(pod, configureRuntime: r =>
        {
            r.Behaviours["first"] = new FakeContainerBehaviour { CrashAfter = TimeSpan.FromSeconds(2), CrashExitCode = 0 };
            r.Behaviours["second"] = new FakeContainerBehaviour { CrashAfter = TimeSpan.FromSeconds(2), CrashExitCode = 0 };
        });
        var start = harness.Kubelet.StartAsync(CancellationToken.None);

        // When the pod runs for 1 s, then 10 s
        await harness.Clock.AdvanceToAsync(1);
        var during = harness.Pod;
        await harness.Clock.AdvanceToAsync(10);
        await start;

        // Then during init the pod was Pending, not Initialized and the app waited in PodInitializing; then each ran after the other
        Assert.Equal("Pending", during.Status.Phase);
        Assert.Equal("False", during.Status.Conditions.Single(c => c.Type == "Initialized").Status);
        Assert.Equal("containers with incomplete status: [first second]", during.Status.Conditions.Single(c => c.Type == "Initialized").Message);
        Assert.Equal("PodInitializing", during.Status.ContainerStatuses.Single().State.Waiting.Reason);
        var first = harness.Runtime.StartTimes("first").Single();
        var second = harness.Runtime.StartTimes("second").Single();
        var app = harness.Runtime.StartTimes("app").Single();
        Assert.True(second >= first.AddSeconds(2) && app >= second.AddSeconds(2), $"first {first:ss.fff}, second {second:ss.fff}, app {app:ss.fff}");
        Assert.Equal("Running", harness.Pod.Status.Phase);
        Assert.Equal("True", harness.Condition("Initialized")!.Status);
        Assert.All(harness.Pod.Status.InitContainerStatuses, s => Assert.Equal(0, s.State.Terminated.ExitCode));
        Assert.All(harness.Pod.Status.InitContainerStatuses, s => Assert.True(s.Ready));
    }

    [Fact]
    public async Task A_failing_init_container_is_retried_with_back_off_and_the_app_does_not_start()
    {
        // Given an init container that exits 1 after 1 s every time
        var pod = Pod(Container());
        pod.Spec.InitContainers = [Container("migrate")];
        await using var harness = new KubeletHarness(pod, configureRuntime: r =>
            r.Behaviours["migrate"] = new FakeContainerBehaviour { CrashAfter = TimeSpan.FromSeconds(1), CrashExitCode = 1 });
        _ = harness.Kubelet.StartAsync(CancellationToken.None);

        // When 40 s pass
        await harness.Clock.AdvanceToAsync(40);

        // Then it ran again after each failure, the later runs held back by the back-off, and the app never started
        var runs = harness.Runtime.StartTimes("migrate").Select(TestClock.SecondsOf).ToList();
        Assert.True(runs.Count is >= 3 and <= 4, string.Join(", ", runs));
        Assert.True(runs[2] - runs[1] >= 10, string.Join(", ", runs));
        Assert.Empty(harness.Runtime.StartTimes("app"));
        Assert.Equal("Pending", harness.Pod.Status.Phase);
        Assert.Equal(runs.Count - 1, harness.Pod.Status.InitContainerStatuses.Single().RestartCount);
        Assert.Contains(harness.Messages("BackOff"), m => m.StartsWith("Back-off restarting failed container", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Under_restartPolicy_Never_a_failed_init_container_fails_the_pod()
    {
        // Given restartPolicy Never and an init container that exits 1
        var pod = Pod(Container());
        pod.Spec.RestartPolicy = "Never";
        pod.Spec.InitContainers = [Container("migrate")];
        await using var harness = new KubeletHarness(pod, configureRuntime: r =>
            r.Behaviours["migrate"] = new FakeContainerBehaviour { CrashAfter = TimeSpan.FromSeconds(1), CrashExitCode = 1 });
        _ = harness.Kubelet.StartAsync(CancellationToken.None);

        // When 20 s pass
        await harness.Clock.AdvanceToAsync(20);

        // Then it ran once and the pod failed
        Assert.Single(harness.Runtime.StartTimes("migrate"));
        Assert.Equal("Failed", harness.Pod.Status.Phase);
    }

    [Fact]
    public async Task A_sidecar_startup_probe_holds_back_the_app_container_and_its_readiness_counts_in_Ready()
    {
        // Given a sidecar whose startup probe fails until t=5 and whose readiness probe fails
        var sidecar = Container("shipper", startup: Http("/startup-shipper", period: 1, failureThreshold: 30), readiness: Http("/ready-shipper", period: 1));
        sidecar.RestartPolicy = "Always";
        var pod = Pod(Container());
        pod.Spec.InitContainers = [sidecar];
        await using var harness = new KubeletHarness(pod);
        harness.Prober["/startup-shipper"].Mode = EndpointMode.Failing;
        harness.Prober["/ready-shipper"].Mode = EndpointMode.Failing;
        _ = harness.Kubelet.StartAsync(CancellationToken.None);

        // When the startup probe passes from t=5
        await harness.Clock.AdvanceToAsync(5);
        var appStartsBefore = harness.Runtime.StartTimes("app").Count;
        harness.Prober["/startup-shipper"].Mode = EndpointMode.Healthy;
        await harness.Clock.AdvanceToAsync(9);

        // Then the app container started only after it, and the pod is not Ready while the sidecar is not ready
        Assert.Equal(0, appStartsBefore);
        Assert.Single(harness.Runtime.StartTimes("app"));
        Assert.True(harness.Pod.Status.ContainerStatuses.Single().Ready);
        Assert.False(harness.IsReady);
        Assert.Contains("shipper", harness.Condition("ContainersReady")!.Message);
    }

    [Fact]
    public async Task A_sidecar_liveness_failure_restarts_only_the_sidecar_and_on_deletion_it_stops_after_the_app()
    {
        // Given a sidecar with a liveness probe, and an app that takes 3 s to exit on SIGTERM
        var sidecar = Container("shipper", liveness: Http("/live-shipper", period: 1, failureThreshold: 1));
        sidecar.RestartPolicy = "Always";
        var pod = Pod(Container());
        pod.Spec.InitContainers = [sidecar];
        await using var harness = new KubeletHarness(pod, configureRuntime: r =>
            r.Behaviours["app"] = new FakeContainerBehaviour { ExitAfterSigterm = TimeSpan.FromSeconds(3) });
        _ = harness.Kubelet.StartAsync(CancellationToken.None);
        await harness.Clock.AdvanceToAsync(3);

        // When the sidecar's liveness fails once, then the pod is deleted
        harness.Prober["/live-shipper"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(4.05);
        harness.Prober["/live-shipper"].Mode = EndpointMode.Healthy;
        await harness.Clock.AdvanceToAsync(8);
        var sidecarRestarts = harness.Pod.Status.InitContainerStatuses.Single().RestartCount;
        var appRestarts = harness.Container().RestartCount;
        var termination = harness.Kubelet.TerminateAsync(30, CancellationToken.None);
        await harness.Clock.AdvanceToAsync(20);
        await termination;

        // Then only the sidecar restarted, and it got SIGTERM only once the app had exited
        Assert.Equal((1, 0), (sidecarRestarts, appRestarts));
        var appExit = await harness.Runtime.Latest("app").Exited;
        var sidecarStop = harness.Runtime.Latest("shipper").StopRequests.Single().At;
        Assert.True(sidecarStop >= appExit.FinishedAt, $"sidecar SIGTERM {sidecarStop:ss.fff}, app exit {appExit.FinishedAt:ss.fff}");
    }

    [Fact]
    public void The_v1_20_profile_refuses_a_sidecar_naming_the_field()
    {
        // Given a pod with a sidecar
        var sidecar = Container("shipper");
        sidecar.RestartPolicy = "Always";
        var pod = Pod(Container());
        pod.Spec.InitContainers = [sidecar];

        // When a v1.20 kubelet is created for it
        var error = Assert.Throws<ArgumentException>(() => new KubeletHarness(pod, new KubeletOptions { KubeletVersion = "v1.20.2", ResyncInterval = Timeout.InfiniteTimeSpan }));

        // Then the error names the field and why
        Assert.Contains("spec.initContainers[0].restartPolicy: restartable init containers (sidecars) need Kubernetes 1.28 or later", error.Message);
    }
}
