namespace ProbeHarness.Kubelet.Semantics;

/// <summary>How a probed endpoint misbehaves, as far as probe timing is concerned.</summary>
public enum FaultKind
{
    /// <summary>Every attempt fails at once (HTTP 500, connection refused, non-zero exit).</summary>
    FailFast,

    /// <summary>Every attempt hangs until <c>timeoutSeconds</c>, then fails.</summary>
    Hang,

    /// <summary>Every attempt answers after a delay: a failure only when the delay reaches <c>timeoutSeconds</c>.</summary>
    Slow,

    /// <summary>The endpoint fails <c>n</c> attempts in a row, then passes <c>n</c> (alternating 500/200 for n = 1).</summary>
    Flap,

    /// <summary>The endpoint recovers from a fail-fast fault (use with <see cref="Timing.ReactionMeasure.ReadyAgain"/>).</summary>
    Recover,
}
