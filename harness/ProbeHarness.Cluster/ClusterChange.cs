using k8s;
using k8s.Models;

namespace ProbeHarness.Cluster;

/// <summary>One observed change of a pod, EndpointSlice or event, with the time the harness saw it.</summary>
/// <param name="ObservedAt">When the change reached the harness (server timestamps stay in the object).</param>
/// <param name="Type">Added, Modified or Deleted.</param>
/// <param name="Object">A <see cref="V1Pod"/>, <see cref="V1EndpointSlice"/> or <see cref="Corev1Event"/>.</param>
public sealed record ClusterChange(DateTimeOffset ObservedAt, WatchEventType Type, IKubernetesObject<V1ObjectMeta> Object);
