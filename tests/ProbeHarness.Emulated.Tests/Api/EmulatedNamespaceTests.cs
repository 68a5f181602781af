using System.Diagnostics;
using System.Net;
using System.Text;
using k8s.Models;
using ProbeHarness.Emulated.Api;
using ProbeHarness.Emulated.Services;
using ProbeHarness.Emulated.Tests.Support;
using static ProbeHarness.Emulated.Tests.Support.ClusterPolling;

namespace ProbeHarness.Emulated.Tests.Api;

/// <summary>End to end: the real target app as emulated containers, judged by the kubelet emulator.</summary>
[Trait("Category", "e2e")]
public sealed class EmulatedNamespaceTests : IAsyncLifetime
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(60);

    private readonly TestProgress _progress = new();
    private readonly EmulatedClusterBackend _backend = new();

    public async ValueTask InitializeAsync() => await _backend.StartAsync(_progress, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _backend.DisposeAsync();

    [Fact]
    public async Task Liveness_failure_restarts_the_container_once_and_keeps_the_previous_log()
    {
        // Given
        var workload = TargetAppWorkload.Create();
        var liveness = TargetAppWorkload.HttpProbe("/healthz", periodSeconds: 1, failureThreshold: 3);
        TargetAppWorkload.Container(workload).LivenessProbe = liveness;
        TargetAppWorkload.Container(workload).ReadinessProbe = TargetAppWorkload.HttpProbe("/readyz", periodSeconds: 1, failureThreshold: 1);
        await using var scenario = await _backend.CreateNamespaceAsync("liveness", TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        await scenario.ApplyAsync(workload, TestContext.Current.CancellationToken);
        var pod = (await UntilAsync(scenario, pods => pods.Count == 1 && IsReady(pods[0]), StartBound, "pod ready"))[0];
        TestContext.Current.TestOutputHelper?.WriteLine($"apply → Ready: {clock.Elapsed.TotalSeconds:0.00} s");

        // When
        var faultAt = Stopwatch.StartNew();
        using var response = await scenario.SendToPodAsync(pod.Metadata.Name, 8080, Put("/faults/liveness", """{"mode":"fail"}"""), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var restarted = await UntilAsync(scenario, pods => Restarts(pods[0]) >= 1, TimeSpan.FromSeconds(30), "restart");
        var detected = faultAt.Elapsed;

        // Then: the kill comes on the third consecutive failure: after (threshold-1) periods, before threshold periods + timeout + grace.
        TestContext.Current.TestOutputHelper?.WriteLine($"fault → restartCount 1: {detected.TotalSeconds:0.00} s");
        var period = liveness.PeriodSeconds!.Value;
        Assert.InRange(detected, TimeSpan.FromSeconds((liveness.FailureThreshold!.Value - 1) * period),
            TimeSpan.FromSeconds(liveness.FailureThreshold.Value * period + liveness.TimeoutSeconds!.Value + 5 + 5));
        var status = restarted[0].Status.ContainerStatuses[0];
        Assert.Equal(1, status.RestartCount);
        Assert.NotNull(status.LastState?.Terminated);
        var events = await scenario.ListEventsAsync(TestContext.Current.CancellationToken);
        Assert.Contains(events, e => e.Reason == "Killing" && e.Message == "Container target-app failed liveness probe, will be restarted");
        Assert.Contains(events, e => e.Reason == "Unhealthy" && e.Message.StartsWith("Liveness probe failed: HTTP probe failed with statuscode: ", StringComparison.Ordinal));
        var previous = await scenario.ReadLogAsync(pod.Metadata.Name, "target-app", previous: true, TestContext.Current.CancellationToken);
        Assert.Contains("liveness", previous, StringComparison.Ordinal);
        Assert.Contains("\"probeHarnessEvent\":\"signal-received\"", previous, StringComparison.Ordinal);
        Assert.Contains("\"probeHarnessEvent\":\"process-exiting\"", previous, StringComparison.Ordinal);
        Assert.Equal("emulated", restarted[0].Spec.NodeName);
        Assert.Equal("true", restarted[0].Metadata.Annotations[EmulatedObjects.Annotation]);
    }

    [Fact]
    public async Task In_back_off_the_previous_log_is_the_instance_that_just_ended_as_the_api_serves_it()
    {
        // Given a container that ends at once: restarted at once the first time, then held in back-off
        var workload = BusyboxWorkload.Create("echo \"instance $(cat /proc/sys/kernel/random/uuid)\"; exit 1");
        await using var scenario = await _backend.CreateNamespaceAsync("previous-log", TestContext.Current.CancellationToken);
        await scenario.ApplyAsync(workload, TestContext.Current.CancellationToken);
        var pod = (await UntilAsync(scenario, pods => pods.Count == 1 && Restarts(pods[0]) == 1 && IsBackingOff(pods[0]), StartBound, "back-off after one restart"))[0];

        // When
        var current = await scenario.ReadLogAsync(pod.Metadata.Name, "box", previous: false, TestContext.Current.CancellationToken);
        var previous = await scenario.ReadLogAsync(pod.Metadata.Name, "box", previous: true, TestContext.Current.CancellationToken);

        // Then: like the kubelet, both name lastState.terminated (the second instance), not the first one
        Assert.StartsWith("instance ", previous, StringComparison.Ordinal);
        Assert.Equal(current, previous);
        var terminated = pod.Status.ContainerStatuses[0].LastState.Terminated;
        Assert.NotNull(terminated);
        Assert.Equal(1, terminated.ExitCode);
    }

    [Fact]
    public async Task Readiness_failure_unreadies_one_replica_without_restart_and_the_service_avoids_it()
    {
        // Given
        var workload = TargetAppWorkload.Create(replicas: 2);
        var readiness = TargetAppWorkload.HttpProbe("/readyz", periodSeconds: 1, failureThreshold: 2);
        TargetAppWorkload.Container(workload).ReadinessProbe = readiness;
        await using var scenario = await _backend.CreateNamespaceAsync("readiness", TestContext.Current.CancellationToken);
        await scenario.ApplyAsync(workload, TestContext.Current.CancellationToken);
        var pods = await UntilAsync(scenario, p => p.Count == 2 && p.All(IsReady), StartBound, "both pods ready");
        var (faulty, healthy) = (pods[0].Metadata.Name, pods[1].Metadata.Name);

        // When
        var faultAt = Stopwatch.StartNew();
        using var response = await scenario.SendToPodAsync(faulty, 8080, Put("/faults/readiness", """{"mode":"fail"}"""), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await UntilAsync(scenario, p => p.Any(x => x.Metadata.Name == faulty && !IsReady(x)), TimeSpan.FromSeconds(20), "faulty pod unready");
        var detected = faultAt.Elapsed;

        // Then
        TestContext.Current.TestOutputHelper?.WriteLine($"fault → Ready=False: {detected.TotalSeconds:0.00} s");
        Assert.InRange(detected, TimeSpan.FromSeconds((readiness.FailureThreshold!.Value - 1) * readiness.PeriodSeconds!.Value),
            TimeSpan.FromSeconds(readiness.FailureThreshold.Value * readiness.PeriodSeconds.Value + readiness.TimeoutSeconds!.Value + 2));
        var slices = await scenario.ListEndpointSlicesAsync(TestContext.Current.CancellationToken);
        var endpoints = Assert.Single(slices).Endpoints;
        Assert.False(endpoints.Single(e => e.TargetRef.Name == faulty).Conditions.Ready);
        Assert.True(endpoints.Single(e => e.TargetRef.Name == healthy).Conditions.Ready);
        var servedBy = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            using var served = await scenario.SendToServiceAsync("target-app", 80, new HttpRequestMessage(HttpMethod.Get, "/"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            servedBy.Add(served.Headers.GetValues(EmulatedServiceProxy.EndpointHeader).Single());
        }

        Assert.All(servedBy, name => Assert.Equal(healthy, name));
        var now = await scenario.ListPodsAsync(TestContext.Current.CancellationToken);
        Assert.All(now, p => Assert.Equal(0, Restarts(p)));
    }

    [Fact]
    public async Task Slow_start_behind_a_startup_probe_is_not_restarted()
    {
        // Given: ports open only after 4 s; liveness alone (1 failure) would kill it, the startup probe allows 60 × 1 s (a loaded machine starts the app late).
        var workload = TargetAppWorkload.Create();
        var container = TargetAppWorkload.Container(workload);
        container.Env.Add(new V1EnvVar { Name = "LISTEN_DELAY_SECONDS", Value = "4" });
        var startup = TargetAppWorkload.HttpProbe("/healthz", periodSeconds: 1, failureThreshold: 60);
        container.StartupProbe = startup;
        container.LivenessProbe = TargetAppWorkload.HttpProbe("/healthz", periodSeconds: 1, failureThreshold: 1);
        await using var scenario = await _backend.CreateNamespaceAsync("startup", TestContext.Current.CancellationToken);

        // When
        await scenario.ApplyAsync(workload, TestContext.Current.CancellationToken);
        var ready = await UntilAsync(scenario, p => p.Count == 1 && IsReady(p[0]), StartBound, "pod ready");

        // Then: Ready only after the 4 s listen delay, and never restarted: the startup probe held liveness off. How long past
        // the delay is the machine's load (27 s at load 15), so it is printed, not bounded.
        var status = ready[0].Status.ContainerStatuses[0];
        var startedAt = status.State.Running.StartedAt!.Value;
        var readyAt = ready[0].Status.Conditions.Single(c => c.Type == "Ready").LastTransitionTime!.Value;
        var startupTook = readyAt - startedAt;
        TestContext.Current.TestOutputHelper?.WriteLine($"container start → Ready (listen delay 4 s): {startupTook.TotalSeconds:0.00} s");
        Assert.True(startupTook >= TimeSpan.FromSeconds(4), $"Ready {startupTook.TotalSeconds:0.00} s after the container started, before its 4 s listen delay ended");
        Assert.True(status.Started);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        var later = await scenario.ListPodsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, Restarts(later[0]));
    }

    [Fact]
    public async Task Reports_process_start_to_first_answer_and_to_ready_for_one_pod()
    {
        // Given
        var workload = TargetAppWorkload.Create();
        var readiness = TargetAppWorkload.HttpProbe("/readyz", periodSeconds: 1, failureThreshold: 1);
        TargetAppWorkload.Container(workload).ReadinessProbe = readiness;
        await using var scenario = await _backend.CreateNamespaceAsync("startup-time", TestContext.Current.CancellationToken);

        // When: poll the app every 20 ms from the moment its process runs.
        await scenario.ApplyAsync(workload, TestContext.Current.CancellationToken);
        var running = (await UntilAsync(scenario, p => p.Count == 1 && p[0].Status?.ContainerStatuses?[0].State?.Running is not null, StartBound, "container running"))[0];
        var startedAt = running.Status.ContainerStatuses[0].State.Running.StartedAt!.Value;
        DateTime firstAnswer;
        while (true)
        {
            try
            {
                using var answer = await scenario.SendToPodAsync(running.Metadata.Name, 8080, new HttpRequestMessage(HttpMethod.Get, "/readyz"), TestContext.Current.CancellationToken);
                firstAnswer = DateTime.UtcNow;
                break;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        var ready = (await UntilAsync(scenario, p => IsReady(p[0]), StartBound, "pod ready"))[0];
        var readyAt = ready.Status.Conditions.Single(c => c.Type == "Ready").LastTransitionTime!.Value;

        // Then
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"process start → first HTTP answer: {(firstAnswer - startedAt).TotalSeconds:0.00} s; process start → Ready (readiness every {readiness.PeriodSeconds} s): {(readyAt - startedAt).TotalSeconds:0.00} s");
        Assert.True(firstAnswer >= startedAt);
        Assert.True(readyAt >= startedAt);
    }

    [Fact]
    public async Task Invalid_probe_is_rejected_with_its_field_path_and_nothing_starts()
    {
        // Given
        var workload = TargetAppWorkload.Create();
        var liveness = TargetAppWorkload.HttpProbe("/healthz", periodSeconds: 1, failureThreshold: 3);
        liveness.SuccessThreshold = 2;
        TargetAppWorkload.Container(workload).LivenessProbe = liveness;
        await using var scenario = await _backend.CreateNamespaceAsync("invalid", TestContext.Current.CancellationToken);

        // When
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scenario.ApplyAsync(workload, TestContext.Current.CancellationToken));

        // Then
        Assert.Contains("spec.template.spec.containers[0].livenessProbe.successThreshold", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scenario.ListPodsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Disposing_the_backend_leaves_no_container_process()
    {
        // Given
        var workload = TargetAppWorkload.Create(replicas: 2);
        var scenario = await _backend.CreateNamespaceAsync("dispose", TestContext.Current.CancellationToken);
        await scenario.ApplyAsync(workload, TestContext.Current.CancellationToken);
        var pods = await UntilAsync(scenario, p => p.Count == 2 && p.All(x => x.Status?.ContainerStatuses?[0].State?.Running is not null), StartBound, "pods running");
        var markers = pods.Select(p => $"BIND_ADDRESS={p.Status.PodIP}").ToList();
        Assert.All(markers, marker => Assert.NotEmpty(HostProcesses.WithEnvironment(marker)));

        // When
        await _backend.DisposeAsync();

        // Then
        Assert.All(markers, marker => Assert.Empty(HostProcesses.WithEnvironment(marker)));
    }

    private static HttpRequestMessage Put(string path, string json) =>
        new(HttpMethod.Put, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static bool IsBackingOff(V1Pod pod) => pod.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Waiting?.Reason == "CrashLoopBackOff";
}
