using k8s.Models;
using ProbeHarness.Kubelet;

namespace ProbeHarness.Emulated.Api;

/// <summary>The emulated API server's entry for one pod: the stored object, its address, its kubelet and its deletion.</summary>
internal sealed class PodRecord(V1Pod pod, string ip, string deployment, PodKubelet kubelet)
{
    /// <summary>The pod as stored (latest status from its kubelet).</summary>
    public V1Pod Pod { get; set; } = pod;

    /// <summary>The pod IP (a loopback address of this run).</summary>
    public string Ip { get; } = ip;

    /// <summary>The Deployment that owns the pod.</summary>
    public string Deployment { get; } = deployment;

    /// <summary>The pod's kubelet.</summary>
    public PodKubelet Kubelet { get; } = kubelet;

    /// <summary>True once the pod was deleted (it has a deletionTimestamp and no longer counts as a replica).</summary>
    public bool Terminating { get; set; }

    /// <summary>True once the pod left the store.</summary>
    public bool Removed { get; set; }

    /// <summary>Completes when the pod's stored status first shows its deletionTimestamp.</summary>
    public TaskCompletionSource DeletionVisible { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the pod has left the store (or its removal failed).</summary>
    public Task Termination { get; set; } = Task.CompletedTask;

    /// <summary>The pod's name.</summary>
    public string Name => Pod.Metadata.Name;
}
