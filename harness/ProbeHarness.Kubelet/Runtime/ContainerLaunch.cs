using k8s.Models;

namespace ProbeHarness.Kubelet.Runtime;

/// <summary>Everything needed to start one container instance of a pod.</summary>
/// <param name="Pod">The pod (spec and metadata; status is the kubelet's).</param>
/// <param name="Container">The container spec (image, command, args, env, ports).</param>
/// <param name="PodIp">The pod's own address (a loopback address on the emulated backend).</param>
/// <param name="RestartCount">How many times this container was restarted before this instance.</param>
public sealed record ContainerLaunch(V1Pod Pod, V1Container Container, string PodIp, int RestartCount);
