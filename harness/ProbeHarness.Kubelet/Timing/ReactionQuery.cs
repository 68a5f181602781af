using k8s.Models;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;

namespace ProbeHarness.Kubelet.Timing;

/// <summary>What to predict: a probe (defaults are applied), a fault, the measured reaction, and the facts the time depends on.</summary>
/// <param name="ProbeType">The probe's type.</param>
/// <param name="Probe">The probe spec.</param>
/// <param name="Fault">The fault.</param>
/// <param name="Measure">The reaction to time.</param>
public sealed record ReactionQuery(ProbeType ProbeType, V1Probe Probe, ProbeFault Fault, ReactionMeasure Measure)
{
    /// <summary>How long the app takes to exit after SIGTERM; null when it ignores SIGTERM and is killed at the grace deadline.</summary>
    public TimeSpan? ExitAfterSigterm { get; init; } = TimeSpan.Zero;

    /// <summary>How much longer than <see cref="ExitAfterSigterm"/> the app may take to exit (the runtime reaping it, the app's own shutdown).</summary>
    public TimeSpan ExitSlack { get; init; }

    /// <summary>The kill grace period in seconds (see <see cref="KillGracePeriod.ForProbeFailure"/>); floored at 2.</summary>
    public long GracePeriodSeconds { get; init; } = ProbeDefaults.PodTerminationGracePeriodSeconds;

    /// <summary>The CrashLoopBackOff delay in force for this restart; zero for the first restart after a probe kill (§1.6).</summary>
    public TimeSpan RestartBackOff { get; init; }

    /// <summary>For <see cref="ReactionMeasure.BackOffDelay"/>: which delayed restart (0 for the first), so the delay is min(10 s · 2^n, 300 s).</summary>
    public int DelayedRestart { get; init; }

    /// <summary>For <see cref="ReactionMeasure.Ready"/> after a startup probe: the readiness probe that must then succeed, or null.</summary>
    public V1Probe? ReadinessProbe { get; init; }

    /// <summary>The kubelet profile (v1.20 kills a startup-probe failure only at its next periodic sync, §2).</summary>
    public KubeletProfile Profile { get; init; } = KubeletProfile.V132;

    /// <summary>The pod worker's retry period after a held-back restart (restarts land up to 1.5× this after the back-off).</summary>
    public TimeSpan SyncRetryPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The periodic resync interval (jittered up to 1.5×), which the v1.20 startup kill waits for.</summary>
    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromMinutes(1);
}
