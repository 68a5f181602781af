using ProbeHarness.Cluster.Backends;

namespace ProbeHarness.Cluster;

/// <summary>Identity of a running backend, as shown in every output line and report.</summary>
/// <param name="Kind">Which backend it is.</param>
/// <param name="KubernetesVersion">The server's version (e.g. <c>v1.32.3+k3s1</c>, <c>v1.20.2</c>, <c>emulated-v1.32</c>).</param>
/// <param name="Description">One line for humans, e.g. "emulated (no cluster: kubelet emulator on loopback)".</param>
public sealed record BackendInfo(BackendKind Kind, string KubernetesVersion, string Description)
{
    /// <summary>The backend's name: <c>k3s</c>, <c>kubeconfig</c> or <c>emulated</c>.</summary>
    public string Name => Kind.ToString().ToLowerInvariant();

    /// <summary>True when no real kubelet judges the scenarios.</summary>
    public bool IsEmulated => Kind == BackendKind.Emulated;

    /// <summary>The label every output line carries, e.g. <c>[emulated]</c>.</summary>
    public string Label => IsEmulated ? "[emulated]" : $"[{Name}]";
}
