namespace ProbeHarness.Kubelet.Timing;

/// <summary>How a measured timing compares with the window the kubelet model allows.</summary>
public enum TimingVerdict
{
    /// <summary>Inside the window, widened by the measurement's precision and the kubelet's jitter.</summary>
    WithinBound,

    /// <summary>Before the earliest the kubelet may react.</summary>
    Early,

    /// <summary>After the latest the kubelet may react.</summary>
    Late,

    /// <summary>The reaction never came.</summary>
    Missed,

    /// <summary>Measured, but no window applies (nothing to judge against).</summary>
    Unbounded,

    /// <summary>Measured, but no injected fault can have caused it; recorded, not judged.</summary>
    Unattributed,
}
