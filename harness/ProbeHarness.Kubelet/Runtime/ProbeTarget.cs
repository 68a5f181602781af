using k8s.Models;

namespace ProbeHarness.Kubelet.Runtime;

/// <summary>What a probe is aimed at: the pod's address, the container (for named ports and exec) and its running instance.</summary>
public sealed record ProbeTarget(string PodIp, V1Container Container, IContainerInstance Instance);
