namespace ProbeHarness.Kubelet.Timing;

/// <summary>Which reaction of the kubelet (or the controllers after it) a timing measures.</summary>
public enum ReactionMeasure
{
    /// <summary>The first failed probe attempt after the fault.</summary>
    FirstFailure,

    /// <summary>The failureThreshold-th failure of a liveness or startup probe: the kill starts (Killing event, SIGTERM).</summary>
    Kill,

    /// <summary>The killed container's exit (after SIGTERM, or SIGKILL at the grace deadline).</summary>
    Exit,

    /// <summary>The new container running after a kill or a crash.</summary>
    Restart,

    /// <summary>Ready turns False (the readiness threshold reached, or the container killed).</summary>
    NotReady,

    /// <summary>The pod's endpoint turns not ready in its EndpointSlice.</summary>
    EndpointNotReady,

    /// <summary>Ready turns True again after the fault ends (successThreshold consecutive successes).</summary>
    ReadyAgain,

    /// <summary>The pod's endpoint turns ready again after the fault ends.</summary>
    EndpointReady,

    /// <summary>The container counts as started (the startup probe's first success).</summary>
    Started,

    /// <summary>The container becomes Ready after it started running (startup budget, then readiness).</summary>
    Ready,

    /// <summary>The crash-loop back-off delay between a run's exit and the next run's start.</summary>
    BackOffDelay,
}
