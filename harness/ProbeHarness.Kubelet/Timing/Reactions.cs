using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Kubelet.Timing;

/// <summary>The one place that names a timing and gives its role.</summary>
public static class Reactions
{
    /// <summary>The role of <paramref name="measure"/>.</summary>
    public static TimingRole RoleOf(ReactionMeasure measure) => measure switch
    {
        ReactionMeasure.FirstFailure or ReactionMeasure.NotReady or ReactionMeasure.Started or ReactionMeasure.Ready => TimingRole.Detection,
        ReactionMeasure.ReadyAgain or ReactionMeasure.EndpointReady => TimingRole.Recovery,
        _ => TimingRole.Action,
    };

    /// <summary>The probe's own reaction when its threshold is reached: Ready=False for readiness, the kill for liveness and startup.</summary>
    public static ReactionMeasure DetectionOf(ProbeType type) => type == ProbeType.Readiness ? ReactionMeasure.NotReady : ReactionMeasure.Kill;

    /// <summary>The timing's name, e.g. <c>fault→kill</c>, <c>recovery→endpoint-ready</c>, <c>exit→restart</c>.</summary>
    public static string NameOf(TimingReference reference, ReactionMeasure measure) => $"{Word(reference)}→{Word(measure)}";

    private static string Word(TimingReference reference) => reference switch
    {
        TimingReference.Fault => "fault",
        TimingReference.Recovery => "recovery",
        TimingReference.Start => "start",
        TimingReference.Kill => "kill",
        TimingReference.Exit => "exit",
        _ => "started",
    };

    private static string Word(ReactionMeasure measure) => measure switch
    {
        ReactionMeasure.FirstFailure => "first-failure",
        ReactionMeasure.Kill => "kill",
        ReactionMeasure.Exit => "exit",
        ReactionMeasure.Restart or ReactionMeasure.BackOffDelay => "restart",
        ReactionMeasure.NotReady => "not-ready",
        ReactionMeasure.EndpointNotReady => "endpoint-not-ready",
        ReactionMeasure.ReadyAgain or ReactionMeasure.Ready => "ready",
        ReactionMeasure.EndpointReady => "endpoint-ready",
        _ => "started",
    };
}
