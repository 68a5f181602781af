using System.Diagnostics;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests;

public sealed class KubernetesBackendsTests
{
    private static BackendOptions Options(string backend, string dockerHost) => BackendOptions.FromEnvironment(new Dictionary<string, string?>
    {
        ["HARNESS_BACKEND"] = backend,
        ["DOCKER_HOST"] = dockerHost,
        ["HOME"] = "/h",
    });

    [Fact]
    public async Task HARNESS_BACKEND_k3s_with_a_silent_docker_fails_within_30_seconds()
    {
        // Given HARNESS_BACKEND=k3s and a Docker endpoint that accepts connections but never answers (the slowest way to fail)
        using var silent = new SilentServer();
        var options = Options("k3s", $"tcp://127.0.0.1:{silent.Port}");

        // When the backend is selected
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => KubernetesBackends.SelectAsync(options, TestContext.Current.CancellationToken));
        clock.Stop();

        // Then it fails within 30 s, naming what is missing, without falling back
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.StartsWith($"HARNESS_BACKEND=k3s but no Docker engine at tcp://127.0.0.1:{silent.Port}/ (no answer within 10 s).", error.Message);
        TestContext.Current.SendDiagnosticMessage($"HARNESS_BACKEND=k3s with a silent Docker failed after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Creating_k3s_without_docker_fails_within_30_seconds()
    {
        // Given no Docker socket at all
        var options = Options("k3s", $"unix:///tmp/ph-no-docker-{Guid.NewGuid():N}.sock");

        // When the k3s backend is created and started directly
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() =>
            KubernetesBackends.CreateAsync(BackendKind.K3s, options, new ProgressLog(), TestContext.Current.CancellationToken));
        clock.Stop();

        // Then it fails within 30 s naming the socket
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.StartsWith($"K3s cannot start: no Docker engine at {options.DockerHost} (", error.Message);
    }

    [Fact]
    public async Task Auto_without_docker_chooses_emulated_and_says_why()
    {
        // Given auto and no Docker socket
        var socket = $"unix:///tmp/ph-no-docker-{Guid.NewGuid():N}.sock";

        // When the backend is selected
        var choice = await KubernetesBackends.SelectAsync(Options("auto", socket), TestContext.Current.CancellationToken);

        // Then emulated is chosen and the reason names the socket
        Assert.Equal(BackendKind.Emulated, choice.Kind);
        Assert.StartsWith($"auto: no Docker engine at {socket} (", choice.Reason);
        Assert.EndsWith(") → emulated", choice.Reason);
    }

    [Fact]
    public async Task Kubeconfig_selection_does_not_ask_docker()
    {
        // Given kubeconfig and a Docker endpoint that would hang
        using var silent = new SilentServer();

        // When the backend is selected
        var clock = Stopwatch.StartNew();
        var choice = await KubernetesBackends.SelectAsync(Options("kubeconfig", $"tcp://127.0.0.1:{silent.Port}"), TestContext.Current.CancellationToken);

        // Then it is chosen without waiting for Docker
        Assert.Equal(BackendKind.Kubeconfig, choice.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_emulated_backend_is_not_created_here()
    {
        // Given the emulated kind
        // When it is created through the real-cluster entry point
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            KubernetesBackends.CreateAsync(BackendKind.Emulated, Options("emulated", "unix:///x.sock"), new ProgressLog(), TestContext.Current.CancellationToken));

        // Then the message says where it lives
        Assert.StartsWith("Emulated is not a real-cluster backend; the emulated backend is created by ProbeHarness.Emulated.", error.Message);
    }

    [Fact]
    public async Task A_kubeconfig_backend_that_cannot_start_is_not_returned()
    {
        // Given a kubeconfig path where no file is
        var options = Options("kubeconfig", "unix:///x.sock") with { KubeconfigPath = "/nowhere/kubeconfig", KubeconfigSource = "HARNESS_KUBECONFIG", TargetImage = "img:1" };

        // When it is created
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() =>
            KubernetesBackends.CreateAsync(BackendKind.Kubeconfig, options, new ProgressLog(), TestContext.Current.CancellationToken));

        // Then the error names the file
        Assert.StartsWith("The kubeconfig /nowhere/kubeconfig (from HARNESS_KUBECONFIG) does not exist.", error.Message);
    }
}
