using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.K3s;
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
        var availability = await K3sAvailability.CheckAsync(options, cancellationToken);
        if (!availability.CanRunK3s)
        {
            Assert.Skip($"Needs a Docker engine that can run {options.K3sImage}: {availability.Finding}.");
        }

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
}
