using k8s;
using k8s.Models;

namespace ProbeHarness.Kubernetes.Watching;

/// <summary>The objects of one kind at one moment, with the list's resourceVersion to watch from.</summary>
public sealed record ResourceSnapshot(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Items, string? ResourceVersion);
