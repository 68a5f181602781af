namespace ProbeHarness.Cluster;

/// <summary>A cluster the harness runs scenarios on: k3s, an existing cluster (kubeconfig) or the emulated kubelet.</summary>
public interface IClusterBackend : IAsyncDisposable
{
    /// <summary>What this backend is; printed in the first line of output and in every report.</summary>
    BackendInfo Info { get; }

    /// <summary>Boots or connects to the cluster and runs its preflight checks, reporting each phase with its duration.</summary>
    Task StartAsync(IProgress<string> progress, CancellationToken cancellationToken);

    /// <summary>Creates a namespace of its own for one scenario.</summary>
    Task<IScenarioNamespace> CreateNamespaceAsync(string scenarioSlug, CancellationToken cancellationToken);
}
