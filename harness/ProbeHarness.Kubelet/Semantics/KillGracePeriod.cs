using k8s.Models;
using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Kubelet.Semantics;

/// <summary>The grace period the kubelet gives a container it kills (§1.5, <c>setTerminationGracePeriod</c> + <c>killContainer</c>).</summary>
public static class KillGracePeriod
{
    /// <summary><c>minimumGracePeriodInSeconds</c>: the kubelet never gives less.</summary>
    public const long MinimumSeconds = 2;

    /// <summary>
    /// Seconds given to a container killed after a liveness or startup failure: the first of <c>metadata.deletionGracePeriodSeconds</c>,
    /// the probe's <c>terminationGracePeriodSeconds</c>, the pod's <c>terminationGracePeriodSeconds</c> (default 30); floored at 2.
    /// The emulator runs no preStop hook, so nothing is subtracted.
    /// </summary>
    public static long ForProbeFailure(V1Pod pod, V1Container container, ProbeType reason)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(container);
        var probe = reason switch
        {
            ProbeType.Liveness => container.LivenessProbe,
            ProbeType.Startup => container.StartupProbe,
            _ => null,
        };
        var grace = pod.Metadata?.DeletionGracePeriodSeconds
            ?? probe?.TerminationGracePeriodSeconds
            ?? ProbeDefaults.PodGracePeriodSeconds(pod.Spec);
        return Math.Max(MinimumSeconds, grace);
    }
}
