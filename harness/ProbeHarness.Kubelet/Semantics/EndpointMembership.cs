using k8s.Models;

namespace ProbeHarness.Kubelet.Semantics;

/// <summary>Whether a pod is an endpoint of a Service's EndpointSlice, and with which conditions.</summary>
/// <param name="Included">The pod is listed in the slice.</param>
/// <param name="Conditions">Its ready/serving/terminating conditions; null when not included.</param>
/// <param name="Reason">Why, in words (e.g. "terminal phase Failed", "no pod IP", "listed").</param>
public sealed record EndpointMembership(bool Included, V1EndpointConditions? Conditions, string Reason);
