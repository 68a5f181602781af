namespace ProbeHarness.Kubelet.Semantics;

/// <summary>Which reaction of the kubelet a <see cref="DetectionWindow"/> times, from the fault (or the container start).</summary>
public enum DetectionMeasure
{
    /// <summary>The failureThreshold-th consecutive failure takes effect: Ready flips False (readiness) or the kill starts (liveness/startup).</summary>
    Detected,

    /// <summary>Detection, then the container's exit (SIGTERM or the grace deadline), then the new container running.</summary>
    Restarted,

    /// <summary>From the fault's removal to Ready True again (readiness, successThreshold consecutive successes).</summary>
    ReadyAgain,
}
