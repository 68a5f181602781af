using System.Diagnostics;
using System.Text;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Manifests;
using ProbeHarness.Emulated.Api;
using ProbeHarness.Steps.Drivers;

namespace ProbeHarness.Steps.Tests.Drivers;

/// <summary>End to end: the real target app's event lines, read back from an emulated pod's current and previous logs.</summary>
[Trait("Category", "e2e")]
public sealed class AppEventLogEmulatedTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly EmulatedClusterBackend _backend = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _backend.StartAsync(new Progress<string>(), Token);

    public ValueTask DisposeAsync() => _backend.DisposeAsync();

    [Fact]
    public async Task After_a_liveness_restart_the_previous_log_holds_the_fault_the_failed_probes_sigterm_and_exit_and_the_current_a_new_start()
    {
        // Given a pod whose liveness probe restarts it on the first failure; the startup probe holds liveness off until the app
        // answers, so a loaded machine's slow start is not a restart before the fault
        var workload = WorkloadManifest.LoadDefault();
        var spec = workload.Deployment.Spec.Template.Spec;
        spec.TerminationGracePeriodSeconds = 5;
        var container = spec.Containers[0];
        container.ReadinessProbe = null;
        container.StartupProbe = new V1Probe
        {
            HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = 8080 },
            PeriodSeconds = 1,
            FailureThreshold = 60,
            TimeoutSeconds = 1,
        };
        container.LivenessProbe = new V1Probe
        {
            HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = 8080 },
            PeriodSeconds = 1,
            FailureThreshold = 1,
            TimeoutSeconds = 1,
        };
        await using var ns = await _backend.CreateNamespaceAsync("app-event-log", Token);
        await ns.ApplyAsync(workload, Token);
        var pod = await PodWhenAsync(ns, p => p.ContainerStatus(container.Name)?.Started == true, "started");
        await UntilListeningAsync(ns, pod.Metadata.Name, container.Name, AppLogInstance.Current);
        Assert.Equal(0, (await ns.ListPodsAsync(Token)).Single().RestartCount(container.Name));

        // When the liveness endpoint fails and the kubelet restarts the container
        using var request = new HttpRequestMessage(HttpMethod.Put, "/faults/liveness") { Content = new StringContent("""{"mode":"fail"}""", Encoding.UTF8, "application/json") };
        using var response = await ns.SendToPodAsync(pod.Metadata.Name, 8080, request, Token);
        response.EnsureSuccessStatusCode();
        await PodWhenAsync(ns, p => p.RestartCount(container.Name) == 1 && p.ContainerStatus(container.Name)?.State?.Running is not null, "restarted");
        await UntilListeningAsync(ns, pod.Metadata.Name, container.Name, AppLogInstance.Current, restarted: true);
        V1Pod? latest = null;
        var lines = await AppEventLog.ReadAsync(ns, pod.Metadata.Name, container.Name, () => latest, Token);
        latest = (await ns.ListPodsAsync(Token)).Single();
        var labelled = await AppEventLog.ReadAsync(ns, pod.Metadata.Name, container.Name, () => latest, Token);

        // Then
        Assert.Empty(lines.Problems);
        Assert.True(lines.HasPreviousLog);
        var previous = lines.Events.Where(e => e.Log == AppLogInstance.Previous).ToList();
        var current = lines.Events.Where(e => e.Log == AppLogInstance.Current).ToList();
        Assert.Equal(AppEventKind.ProcessStarted, previous[0].Kind);
        Assert.Equal(AppEventKind.ProcessExiting, previous[^1].Kind);
        Assert.Equal(0, previous[^1].ExitCode);
        var fault = Assert.Single(previous, e => e.Kind == AppEventKind.FaultApplied);
        Assert.Equal((ProbeKind.Liveness, "fail"), (fault.Probe, fault.Mode));
        var failed = previous.Where(e => e.Kind == AppEventKind.ProbeAnswered && e.Status == 500).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, e => Assert.True(e.ReceivedAt >= fault.At, $"a 500 received at {e.ReceivedAt:O}, before the fault took effect at {fault.At:O}"));
        var sigterm = Assert.Single(previous, e => e.Kind == AppEventKind.SignalReceived);
        Assert.True(sigterm.At >= failed[0].At && sigterm.At <= previous[^1].At);
        Assert.Equal(AppEventKind.ProcessStarted, current[0].Kind);
        Assert.Contains(current, e => e.Kind == AppEventKind.Listening);
        Assert.NotEqual(previous[0].AppInstance, current[0].AppInstance);
        var status = latest.ContainerStatus(container.Name)!;
        Assert.All(labelled.Events.Where(e => e.Log == AppLogInstance.Previous), e => Assert.Equal(status.LastState.Terminated.ContainerID, e.ContainerId));
        Assert.All(labelled.Events.Where(e => e.Log == AppLogInstance.Current), e => Assert.Equal(status.ContainerID, e.ContainerId));
    }

    // Running is not listening (no readiness probe here): the app's own listening event says when its ports are open.
    private static Task UntilListeningAsync(IScenarioNamespace ns, string pod, string container, AppLogInstance log, bool restarted = false) =>
        UntilAsync(
            async () =>
            {
                var lines = await AppEventLog.ReadAsync(ns, pod, container, () => null, Token);
                return lines.HasPreviousLog == restarted && lines.Events.Any(e => e.Log == log && e.Kind == AppEventKind.Listening);
            },
            restarted ? "the new instance listening" : "the app listening");

    private static async Task<V1Pod> PodWhenAsync(IScenarioNamespace ns, Func<V1Pod, bool> condition, string what)
    {
        V1Pod? found = null;
        await UntilAsync(
            async () =>
            {
                var pods = await ns.ListPodsAsync(Token);
                found = pods.Count == 1 && condition(pods[0]) ? pods[0] : null;
                return found is not null;
            },
            what);
        return found!;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < Bound, $"{what} did not happen within {Bound}");
            await Task.Delay(100, Token);
        }
    }
}
