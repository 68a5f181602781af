namespace ProbeHarness.Reporting.Model;

/// <summary>One probe of one pod as the probe fault proxy saw it over the scenario.</summary>
/// <param name="Pod">The pod label, e.g. <c>pod 1</c>.</param>
/// <param name="Probe">liveness, readiness or startup.</param>
/// <param name="Answers">How many probes the proxy forwarded to the app.</param>
public sealed record ProxiedProbeRecord(string Pod, string Probe, int Answers)
{
    /// <summary>Seconds from the first container's start (the kubelet's startedAt) to the app's first successful answer, or null when none succeeded.</summary>
    public double? FirstSuccessSeconds { get; init; }

    /// <summary>The precision of <see cref="FirstSuccessSeconds"/> (startedAt has whole seconds on most clusters).</summary>
    public double? FirstSuccessPrecisionSeconds { get; init; }

    /// <summary>Median of the app's answer time in ms (the proxy's wait on the app).</summary>
    public double? LatencyP50Ms { get; init; }

    /// <summary>95th percentile of the app's answer time in ms.</summary>
    public double? LatencyP95Ms { get; init; }

    /// <summary>99th percentile of the app's answer time in ms.</summary>
    public double? LatencyP99Ms { get; init; }
}
