using Docker.DotNet;
using Docker.DotNet.Models;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.K3s;
using ProbeHarness.Kubernetes.Namespaces;
using ProbeHarness.Kubernetes.Preflight;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.K3s;

/// <summary>The real thing: needs a Docker engine that can run K3s; skipped, with the reason, where there is none.</summary>
public sealed class K3sBackendTests
{
    [Fact]
    public async Task Boots_k3s_loads_the_target_app_and_runs_it_until_ready()
    {
        // Given a Docker engine that can run K3s, and the target app's Dockerfile
        var cancellationToken = TestContext.Current.CancellationToken;
        var options = BackendOptions.FromProcessEnvironment() with { Requested = BackendKind.K3s };
        var availability = await K3sEngine.RequireAsync(options, cancellationToken);

        if (!File.Exists(Path.Combine(RepositoryPaths.TargetApp, "Dockerfile")))
        {
            Assert.Skip($"Needs {Path.Combine(RepositoryPaths.TargetApp, "Dockerfile")}, which does not exist yet.");
        }

        // When the backend starts and a scenario deploys the target app (no probes: only the kubelet's own readiness)
        var progress = new ProgressLog();
        await using var backend = await KubernetesBackends.CreateAsync(BackendKind.K3s, options, progress, cancellationToken);
        await using var scenario = await backend.CreateNamespaceAsync("k3s smoke", cancellationToken);
        var workload = Workloads.TargetApp();
        workload.Deployment.Spec.Template.Spec.InitContainers = null;
        workload.Deployment.Spec.Template.Spec.Containers.Single().LivenessProbe = null;
        await scenario.ApplyAsync(workload, cancellationToken);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(3));
        V1Pod? ready = null;
        await foreach (var change in scenario.WatchAsync(deadline.Token))
        {
            if (change.Object is V1Pod pod && ClusterPreflight.IsReady(pod))
            {
                ready = pod;
                break;
            }
        }

        foreach (var line in progress.Lines)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }

        // Then the real kubelet ran the loaded image, the startup was reported with durations, and the namespace goes away
        Assert.NotNull(ready);
        // The compat image (local-cluster/k3s-compat-image.sh) is upstream Kubernetes: no "+k3s" in its version.
        if (!backend.Info.Description.StartsWith("k3s (compat image", StringComparison.Ordinal))
        {
            Assert.Contains("+k3s", backend.Info.KubernetesVersion);
        }

        Assert.Contains("probe-harness/target-app:sha-", ready.Spec.Containers.Single().Image);
        Assert.Contains(progress.Lines, line => line.StartsWith("[k3s] K3s booted", StringComparison.Ordinal));
        Assert.Contains(progress.Lines, line => line.StartsWith("[k3s] preflight: CoreDNS", StringComparison.Ordinal));
        Assert.Null(await scenario.ReleaseAsync(keep: false, cancellationToken));
    }

    [Fact]
    public async Task A_boot_cancelled_midway_leaves_no_container_and_no_volume()
    {
        // Given a Docker engine that can run K3s, and a backend of a known run
        var cancellationToken = TestContext.Current.CancellationToken;
        var options = BackendOptions.FromProcessEnvironment() with { Requested = BackendKind.K3s };
        var availability = await K3sEngine.RequireAsync(options, cancellationToken);

        var run = RunIdentity.New();
        using var docker = new DockerClientBuilder().WithEndpoint(new Uri(availability.DockerEndpoint)).Build();
        var ofRun = new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{RunIdentity.RunLabel}={run.RunId}"] = true } },
        };

        // When the start is cancelled (as Ctrl+C does) once its container runs and before K3s is ready
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var backend = new K3sBackend(options, run);
        var start = backend.StartAsync(new Progress<string>(), interrupt.Token);
        IList<ContainerListResponse> seen = [];
        // Polled often so the cancel also lands between Docker's create and Testcontainers' inspect (the container has no id yet).
        for (var waited = TimeSpan.Zero; seen.Count == 0 && !start.IsCompleted && waited < TimeSpan.FromMinutes(2); waited += TimeSpan.FromMilliseconds(50))
        {
            await Task.Delay(50, cancellationToken);
            seen = await docker.Containers.ListContainersAsync(ofRun, cancellationToken);
        }

        await interrupt.CancelAsync();
        var thrown = await Record.ExceptionAsync(() => start);
        await backend.DisposeAsync();

        // Then the start ended cancelled, and its container and the container's volumes are gone
        Assert.NotEmpty(seen);
        Assert.True(thrown is OperationCanceledException, $"{thrown}");
        Assert.Empty(await docker.Containers.ListContainersAsync(ofRun, cancellationToken));
        var volumes = (await docker.Volumes.ListAsync(cancellationToken)).Volumes ?? [];
        var mounts = seen.SelectMany(c => c.Mounts ?? []).Where(m => m.Type == "volume").Select(m => m.Name).ToHashSet();
        Assert.DoesNotContain(volumes, v => mounts.Contains(v.Name));
    }
}
