using k8s.Models;

namespace ProbeHarness.Cluster;

/// <summary>What a scenario deploys: the target app's Deployment and the Service in front of it.</summary>
public sealed record Workload(V1Deployment Deployment, V1Service Service)
{
    /// <summary>The manifest file and documents it was loaded from, or null when built in code.</summary>
    public Manifests.WorkloadSource? Source { get; init; }
}
