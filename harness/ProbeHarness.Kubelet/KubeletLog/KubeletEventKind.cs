namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>What a kubelet log line says happened, for the lines the timing check reads (docs/reliability.md).</summary>
public enum KubeletEventKind
{
    /// <summary>A probe attempt failed: prober.go <c>"%s probe for %q failed (%v): %s"</c> (v1.20, V(1)) or <c>"Probe failed"</c> (1.21+).</summary>
    ProbeFailed,

    /// <summary>The kill began: kuberuntime_container.go <c>"Killing container %q with a %d second grace period"</c> (V(2)), or its override form (V(3)).</summary>
    Killing,

    /// <summary>The pod's Ready condition changed: status_manager.go <c>"Patch status for pod"</c> (V(3)) with a Ready condition whose status changed.</summary>
    ReadyChanged,
}
