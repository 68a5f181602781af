using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Emulated.Api;
using ProbeHarness.Kubernetes;

namespace ProbeHarness.Steps.Support;

/// <summary>Chooses the run's backend (HARNESS_BACKEND, else k3s when Docker can run it, else emulated), announces the choice first, then starts it.</summary>
internal static class BackendLauncher
{
    /// <summary>Chooses, announces through <paramref name="announce"/>, creates and starts the backend.</summary>
    public static async Task<IClusterBackend> LaunchAsync(Action<string> announce, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var options = BackendOptions.FromProcessEnvironment();
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

        IClusterBackend backend = CreateEmulated();
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

    private static IClusterBackend CreateEmulated() => new EmulatedClusterBackend();
}
