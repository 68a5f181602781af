using k8s.Models;

namespace ProbeHarness.Kubelet.Runtime;

/// <summary>Runs one probe attempt against a container (HTTP, TCP, exec or gRPC), as the kubelet's prober does.</summary>
public interface IProbeRunner
{
    /// <summary>Runs the probe once; retries on prober errors (up to 3 attempts) are the caller's business.</summary>
    Task<ProbeOutcome> RunAsync(V1Probe probe, ProbeTarget target, CancellationToken cancellationToken);
}
