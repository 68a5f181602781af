using k8s;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Emulated.Api;
using ProbeHarness.Emulated.Processes;
using ProbeHarness.Emulated.Tests.Support;

namespace ProbeHarness.Emulated.Tests.Api;

/// <summary>The watch, the EndpointSlice and ReplicaSet controllers, pod deletion and keep, on light busybox pods.</summary>
public sealed class EmulatedNamespaceControllersTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly EmulatedClusterBackend _backend = new();

    public async ValueTask InitializeAsync() => await _backend.StartAsync(new TestProgress(), TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _backend.DisposeAsync();

    [Fact]
    public async Task Watch_streams_pod_slice_and_event_changes_as_an_exec_readiness_probe_passes()
    {
        // Given: the container writes /tmp/ready after 1 s; the exec probe reads it (both mapped to the instance's own /tmp).
        var readiness = new V1Probe { Exec = new V1ExecAction { Command = ["cat", "/tmp/ready"] }, PeriodSeconds = 1 };
        var workload = BusyboxWorkload.Create("sleep 1; touch /tmp/ready; sleep 3600", readiness);
        await using var scenario = await _backend.CreateNamespaceAsync("watch", TestContext.Current.CancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(Bound);

        // When
        await scenario.ApplyAsync(workload, TestContext.Current.CancellationToken);
        var changes = new List<ClusterChange>();
        await foreach (var change in scenario.WatchAsync(stop.Token))
        {
            changes.Add(change);
            if (change.Object is V1EndpointSlice { Endpoints: [{ Conditions.Ready: true }] })
            {
                break;
            }
        }

        // Then
        Assert.Equal(WatchEventType.Added, changes[0].Type);
        var pods = changes.Where(c => c.Object is V1Pod).Select(c => (V1Pod)c.Object).ToList();
        Assert.Contains(pods, p => p.Status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true);
        Assert.All(pods, p => Assert.Equal("emulated", p.Spec.NodeName));
        Assert.Matches("^box-[bcdfghjklmnpqrstvwxz2456789]{10}-[bcdfghjklmnpqrstvwxz2456789]{5}$", pods[0].Metadata.Name);
        var slice = (V1EndpointSlice)changes[^1].Object;
        Assert.Equal("box", slice.Metadata.Labels["kubernetes.io/service-name"]);
        Assert.Equal("IPv4", slice.AddressType);
        Assert.Equal(8080, Assert.Single(slice.Ports).Port);
        Assert.Equal("true", slice.Metadata.Annotations[EmulatedObjects.Annotation]);
        var reasons = changes.Where(c => c.Object is Corev1Event).Select(c => ((Corev1Event)c.Object).Reason).ToList();
        Assert.Contains("Scheduled", reasons);
        Assert.Contains("Started", reasons);
        Assert.True(changes.Zip(changes.Skip(1)).All(pair => pair.First.ObservedAt <= pair.Second.ObservedAt));
    }

    [Fact]
    public async Task A_deleted_pod_is_replaced_at_once_and_leaves_after_its_containers_exit()
    {
        // Given
        var workload = BusyboxWorkload.Create("sleep 3600");
        await using var scenario = await _backend.CreateNamespaceAsync("delete", TestContext.Current.CancellationToken);
        await scenario.ApplyAsync(workload, TestContext.Current.CancellationToken);
        var original = (await ClusterPolling.UntilAsync(scenario, p => p.Count == 1 && ClusterPolling.IsReady(p[0]), Bound, "pod ready"))[0];

        // When
        await scenario.DeletePodAsync(original.Metadata.Name, gracePeriodSeconds: null, TestContext.Current.CancellationToken);
        var during = await scenario.ListPodsAsync(TestContext.Current.CancellationToken);
        var after = await ClusterPolling.UntilAsync(scenario, p => p.All(x => x.Metadata.Name != original.Metadata.Name), Bound, "old pod gone");

        // Then: sleep ignores SIGTERM as PID 1, so the pod goes only at the 2 s grace deadline; the replacement came at once.
        var terminating = Assert.Single(during, p => p.Metadata.Name == original.Metadata.Name);
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Equal(2, during.Count);
        var replacement = Assert.Single(after);
        Assert.NotEqual(original.Metadata.Name, replacement.Metadata.Name);
        var events = await scenario.ListEventsAsync(TestContext.Current.CancellationToken);
        Assert.Contains(events, e => e.Reason == "Killing" && e.Message == "Stopping container box");
    }

    [Fact]
    public async Task Scaling_adds_pods_and_removes_the_surplus()
    {
        // Given
        await using var scenario = await _backend.CreateNamespaceAsync("scale", TestContext.Current.CancellationToken);
        await scenario.ApplyAsync(BusyboxWorkload.Create("sleep 3600"), TestContext.Current.CancellationToken);
        await ClusterPolling.UntilAsync(scenario, p => p.Count == 1, Bound, "one pod");

        // When
        await scenario.ScaleAsync("box", 3, TestContext.Current.CancellationToken);
        var three = await ClusterPolling.UntilAsync(scenario, p => p.Count == 3 && p.All(ClusterPolling.IsReady), Bound, "three ready pods");
        await scenario.ScaleAsync("box", 1, TestContext.Current.CancellationToken);
        var one = await ClusterPolling.UntilAsync(scenario, p => p.Count == 1, Bound, "back to one pod");

        // Then
        Assert.Equal(3, three.Select(p => p.Status.PodIP).Distinct().Count());
        Assert.Contains(one[0].Metadata.Name, three.Select(p => p.Metadata.Name));
        var slice = Assert.Single(await scenario.ListEndpointSlicesAsync(TestContext.Current.CancellationToken));
        Assert.Equal(one[0].Status.PodIP, Assert.Single(Assert.Single(slice.Endpoints).Addresses));
    }

    [Fact]
    public async Task Keep_leaves_the_containers_running_and_says_how_to_reach_and_stop_them()
    {
        // Given
        var scenario = await _backend.CreateNamespaceAsync("keep", TestContext.Current.CancellationToken);
        await scenario.ApplyAsync(BusyboxWorkload.Create("sleep 3600"), TestContext.Current.CancellationToken);
        var pod = (await ClusterPolling.UntilAsync(scenario, p => p.Count == 1 && ClusterPolling.IsReady(p[0]), Bound, "pod ready"))[0];

        // When
        var kept = await scenario.ReleaseAsync(keep: true, TestContext.Current.CancellationToken);
        await _backend.DisposeAsync();

        // Then
        Assert.NotNull(kept);
        Assert.Contains(pod.Status.PodIP, kept, StringComparison.Ordinal);
        var marker = $"BIND_ADDRESS={pod.Status.PodIP}";
        var survivors = HostProcesses.WithEnvironment(marker);
        Assert.NotEmpty(survivors);
        var group = int.Parse(kept[(kept.IndexOf("kill -- -", StringComparison.Ordinal) + 9)..].Split('\n')[0], System.Globalization.CultureInfo.InvariantCulture);
        // The whole container survives as one process group, whether its shell execs its command or forks it.
        Assert.Contains(group, survivors);
        Assert.All(survivors, pid => Assert.Equal(group, ProcessStat.Read(pid)?.ProcessGroupId));
        Assert.True(UnixSignals.SignalGroup(group, UnixSignals.Kill));

        // The printed command ends every process of the container, and nothing restarts it: its kubelet is gone.
        Assert.True(await HostProcesses.UntilNoneWithEnvironmentAsync(marker, Bound), $"processes with {marker} outlived the printed kill command");
        Directory.Delete(_backend.RunDirectory!, recursive: true);
    }
}
