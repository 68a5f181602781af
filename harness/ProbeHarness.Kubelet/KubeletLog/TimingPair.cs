namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>A harness instant and the kubelet log line it was paired with.</summary>
/// <param name="Harness">What the harness measured.</param>
/// <param name="Kubelet">The kubelet's line for the same pod and kind, nearest in time.</param>
public sealed record TimingPair(HarnessInstant Harness, KubeletLogEntry Kubelet)
{
    /// <summary>harness − kubelet, in seconds (negative: the harness put it earlier).</summary>
    public double SignedErrorSeconds => (Harness.At - Kubelet.At).TotalSeconds;

    /// <summary>|harness − kubelet|, in seconds.</summary>
    public double ErrorSeconds => Math.Abs(SignedErrorSeconds);
}
