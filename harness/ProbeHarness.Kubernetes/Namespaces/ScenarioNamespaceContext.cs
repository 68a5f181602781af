using System.Collections.Concurrent;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.EndpointSlices;
using ProbeHarness.Kubernetes.Watching;

namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>What every scenario namespace of a run shares.</summary>
/// <param name="Connection">The API server connection.</param>
/// <param name="EndpointSlices">EndpointSlices in the served version.</param>
/// <param name="Backend">The backend, shown in every output.</param>
/// <param name="Run">The run's identity, written as labels.</param>
/// <param name="TargetImage">The target app's image reference in this cluster.</param>
/// <param name="Progress">Receives progress and resume lines.</param>
/// <param name="WatchResume">How dropped watches resume.</param>
/// <param name="DeletionTimeout">How long a namespace may take to disappear.</param>
public sealed record ScenarioNamespaceContext(
    KubernetesConnection Connection,
    EndpointSliceApi EndpointSlices,
    BackendInfo Backend,
    RunIdentity Run,
    string TargetImage,
    IProgress<string> Progress,
    WatchResumeSettings WatchResume,
    TimeSpan DeletionTimeout)
{
    /// <summary>Readies images before a workload or an image check uses them (the k3s backend loads locally built ones), or null.</summary>
    public Func<IReadOnlyCollection<string>, CancellationToken, Task>? PrepareImages { get; init; }

    /// <summary>The run's namespace deletions still running in the background; the backend waits for them before it stops.</summary>
    public NamespaceDeletions Deletions { get; } = new();

    /// <summary>Image checks that found the image usable, once per run (an image does not go away between scenarios), by image, pull policy and shell.</summary>
    public ConcurrentDictionary<(string Image, string? PullPolicy, bool NeedsShell), ImageCheck> UsableImages { get; } = new();
}
