namespace ProbeHarness.Kubelet.Probing;

/// <summary>The three kubelet probe types; the names are the kubelet's <c>probeType.String()</c> used in event messages.</summary>
public enum ProbeType
{
    /// <summary>Restarts the container when it fails <c>failureThreshold</c> times in a row.</summary>
    Liveness,

    /// <summary>Decides whether the container is ready (and so whether the pod serves traffic).</summary>
    Readiness,

    /// <summary>Holds liveness and readiness off until it succeeds; its failure kills the container like liveness.</summary>
    Startup,
}
