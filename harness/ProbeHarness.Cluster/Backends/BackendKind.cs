namespace ProbeHarness.Cluster.Backends;

/// <summary>The backends the harness can run scenarios on.</summary>
public enum BackendKind
{
    /// <summary>A disposable K3s cluster in a Docker container (Testcontainers.K3s).</summary>
    K3s,

    /// <summary>An existing cluster reached through a kubeconfig (kind, a cloud cluster, the local v1.20 build).</summary>
    Kubeconfig,

    /// <summary>No cluster: the target app runs on loopback and a kubelet emulator judges the probes.</summary>
    Emulated,
}
