namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>Which kubelet's wording <see cref="KubeletLogWriter"/> uses.</summary>
public enum KubeletLogStyle
{
    /// <summary>v1.20.2's printf lines: <c>Liveness probe for "pod_ns(uid):c" failed (failure): …</c>, <c>Killing container "id" with a 30 second grace period</c>.</summary>
    V120,

    /// <summary>The structured lines of 1.21+: <c>"Probe failed" probeType="Liveness" pod="ns/pod" …</c>.</summary>
    Structured,
}
