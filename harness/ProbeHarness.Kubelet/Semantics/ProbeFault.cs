namespace ProbeHarness.Kubelet.Semantics;

/// <summary>A fault on a probed endpoint, for <see cref="Timing.ReactionWindow"/>.</summary>
/// <param name="Kind">How the endpoint misbehaves.</param>
public sealed record ProbeFault(FaultKind Kind)
{
    /// <summary>For <see cref="FaultKind.Slow"/>: how long each answer takes.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>For <see cref="FaultKind.Flap"/>: failures in a row before as many successes.</summary>
    public int FlapEvery { get; init; } = 1;

    /// <summary>The fault is there when the container starts (times count from its startedAt, initialDelay and the admission rhythm apply).</summary>
    public bool PresentFromStart { get; init; }

    /// <summary>For a fault injected into a running container: how long after its start (the whole-second <c>startedAt</c> the kubelet counts the initial delay from) the fault began; null when unknown.</summary>
    public TimeSpan? SinceStart { get; init; }

    /// <summary>Every attempt fails at once.</summary>
    public static ProbeFault FailFast() => new(FaultKind.FailFast);

    /// <summary>Every attempt hangs until the probe timeout.</summary>
    public static ProbeFault Hang() => new(FaultKind.Hang);

    /// <summary>Every attempt answers after <paramref name="delay"/>.</summary>
    public static ProbeFault Slow(TimeSpan delay) => new(FaultKind.Slow) { Delay = delay };

    /// <summary>The endpoint alternates <paramref name="every"/> failures and <paramref name="every"/> successes.</summary>
    public static ProbeFault Flap(int every) => new(FaultKind.Flap) { FlapEvery = every };

    /// <summary>The endpoint recovers from a fail-fast fault.</summary>
    public static ProbeFault Recover() => new(FaultKind.Recover);
}
