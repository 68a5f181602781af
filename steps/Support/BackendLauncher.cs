using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Emulated.Api;
using ProbeHarness.Kubelet;
using ProbeHarness.Kubelet.KubeletLog;
using ProbeHarness.Kubernetes;

namespace ProbeHarness.Steps.Support;

/// <summary>Chooses the run's backend (HARNESS_BACKEND, else k3s when Docker can run it, else emulated), announces the choice first, then starts it.</summary>
internal static class BackendLauncher
{
    /// <summary>Chooses, announces through <paramref name="announce"/>, creates and starts the backend.</summary>
    public static async Task<IClusterBackend> LaunchAsync(
        BackendOptions options, Action<string> announce, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var choice = await KubernetesBackends.SelectAsync(options, cancellationToken);
        announce(choice.Kind switch
        {
            BackendKind.Emulated => $"Backend: emulated — no cluster, kubelet emulator ({choice.Reason})",
            BackendKind.K3s => $"Backend: k3s — a disposable K3s cluster in Docker ({choice.Reason})",
            _ => $"Backend: kubeconfig — an existing cluster ({choice.Reason})",
        });
        if (choice.Kind != BackendKind.Emulated)
        {
            return await KubernetesBackends.CreateAsync(choice.Kind, options, progress, cancellationToken);
        }

        IClusterBackend backend = CreateEmulated(options, announce);
        TestRun.Use(backend);
        try
        {
            await backend.StartAsync(progress, cancellationToken);
            return backend;
        }
        catch
        {
            await backend.DisposeAsync();
            throw;
        }
    }

    /// <summary>Picks the emulated kubelet's behaviour profile: exactly <c>v1.20</c> or <c>v1.32</c> (default), checked by <see cref="BackendOptions"/>.</summary>
    public const string EmulatedKubeletVersionVariable = EnvironmentVariables.EmulatedKubeletVersion;

    private static IClusterBackend CreateEmulated(BackendOptions options, Action<string> announce) =>
        new EmulatedClusterBackend(new EmulatedBackendOptions
        {
            Kubelet = new KubeletOptions { KubeletVersion = options.EmulatedKubeletVersion, Klog = OpenKubeletLog(options, announce) },
        });

    // The emulated kubelet's own record of what it did, for the timing check; a log that cannot be written costs the check, not the run.
    private static KubeletLogWriter? OpenKubeletLog(BackendOptions options, Action<string> announce)
    {
        if (options.EmulatedKubeletLog is "")
        {
            return null;
        }

        var path = Path.GetFullPath(options.EmulatedKubeletLog ?? Path.Combine(RepositoryPaths.Root, "artifacts", "emulated-kubelet.log"));
        try
        {
            var writer = KubeletLogWriter.Create(path);
            TestRun.Own(writer);
            announce($"emulated kubelet log: {path}");
            return writer;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            announce($"emulated kubelet log: none, {path} cannot be written ({failure.Message})");
            return null;
        }
    }
}
