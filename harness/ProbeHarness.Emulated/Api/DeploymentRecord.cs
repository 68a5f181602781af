using k8s.Models;

namespace ProbeHarness.Emulated.Api;

/// <summary>The emulated API server's entry for one Deployment and its single ReplicaSet.</summary>
internal sealed class DeploymentRecord(V1Deployment deployment, string templateHash, string replicaSetUid)
{
    /// <summary>The Deployment as stored.</summary>
    public V1Deployment Deployment { get; } = deployment;

    /// <summary>The ReplicaSet's <c>pod-template-hash</c>.</summary>
    public string TemplateHash { get; } = templateHash;

    /// <summary>The ReplicaSet's uid (pods' owner reference).</summary>
    public string ReplicaSetUid { get; } = replicaSetUid;

    /// <summary>The Deployment's name.</summary>
    public string Name => Deployment.Metadata.Name;

    /// <summary>The ReplicaSet's name, <c>&lt;deploy&gt;-&lt;hash&gt;</c>.</summary>
    public string ReplicaSetName => $"{Name}-{TemplateHash}";

    /// <summary>The wanted replica count.</summary>
    public int Replicas
    {
        get => Deployment.Spec.Replicas ?? 1;
        set => Deployment.Spec.Replicas = value;
    }
}
