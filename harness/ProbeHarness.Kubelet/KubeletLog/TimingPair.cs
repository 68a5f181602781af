namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>A harness instant and the kubelet log line it was paired with.</summary>
/// <param name="Harness">What the harness measured.</param>
/// <param name="Kubelet">The kubelet's line for the same pod and kind, nearest in time.</param>
public sealed record TimingPair(HarnessInstant Harness, KubeletLogEntry Kubelet)
{
    /// <summary>
    /// harness − kubelet, in seconds (negative: the harness put it earlier). A Ready patch line is when the API server took the
    /// patch, which the kubelet's client rate limit can delay; the kubelet decided within [lastTransitionTime, the line]
    /// (and that second), and an instant inside that is no error.
    /// </summary>
    public double SignedErrorSeconds =>
        Harness.At < Kubelet.Earliest ? (Harness.At - Kubelet.Earliest).TotalSeconds
        : Harness.At > Kubelet.Latest ? (Harness.At - Kubelet.Latest).TotalSeconds
        : 0;

    /// <summary>|harness − kubelet|, in seconds.</summary>
    public double ErrorSeconds => Math.Abs(SignedErrorSeconds);

    /// <summary>How far beyond the harness's stated precision the kubelet's line lies, in seconds (0 when within it).</summary>
    public double BeyondPrecisionSeconds => Math.Max(0, ErrorSeconds - (Harness.PrecisionSeconds ?? 0));
}
