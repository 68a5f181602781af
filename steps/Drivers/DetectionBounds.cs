using System.Globalization;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Derives from the deployed probe spec the windows in which the kubelet must react (kubelet-probe-semantics.md §1.1, §1.3, §1.5).</summary>
/// <remarks>
/// A probe runs on a fixed rhythm of <c>periodSeconds</c>; after a fault the first failing probe comes within one period,
/// and the reaction on the <c>failureThreshold</c>-th consecutive failure: between (F−1)·P and F·P + T seconds after the fault.
/// </remarks>
public sealed class DetectionBounds(WorkloadDriver workload, ScenarioCluster cluster)
{
    /// <summary>Kubelet sync, status propagation and whole-second server timestamps.</summary>
    public const double Tolerance = 2;

    /// <summary>How long a container that exits on SIGTERM may take to go and come back.</summary>
    public const double RestartAllowance = 3;

    /// <summary>Fault → the probe's reaction (liveness kill, readiness Ready=False, startup kill).</summary>
    public TimeBound Reaction(ProbeKind kind, string name)
    {
        var p = ProbeDescription.Effective(workload.RequireProbe(kind));
        return new TimeBound(
            name,
            (p.FailureThreshold - 1) * p.PeriodSeconds,
            p.FailureThreshold * p.PeriodSeconds + p.TimeoutSeconds + Tolerance,
            Format($"[(F−1)·P, F·P + T + {Tolerance}] with F={p.FailureThreshold}, P={p.PeriodSeconds}, T={p.TimeoutSeconds}"));
    }

    /// <summary>Fault → the container runs again after a liveness kill: the reaction plus the time to stop and start it.</summary>
    public TimeBound LivenessRestart()
    {
        var reaction = Reaction(ProbeKind.Liveness, "fault→restart");
        var stop = StopAllowance(ProbeKind.Liveness);
        return reaction with
        {
            MaxSeconds = reaction.MaxSeconds + stop,
            Formula = Format($"{reaction.Formula}, + {stop} s to stop and start"),
        };
    }

    /// <summary>Recovery → Ready again: the <c>successThreshold</c>-th consecutive success.</summary>
    public TimeBound ReadinessRecovery()
    {
        var p = ProbeDescription.Effective(workload.RequireProbe(ProbeKind.Readiness));
        return new TimeBound(
            "recovery→ready",
            0,
            p.SuccessThreshold * p.PeriodSeconds + p.TimeoutSeconds + Tolerance,
            Format($"[0, S·P + T + {Tolerance}] with S={p.SuccessThreshold}, P={p.PeriodSeconds}, T={p.TimeoutSeconds}"));
    }

    /// <summary>Container start → started: the startup probe's whole budget.</summary>
    public TimeBound StartupSuccess()
    {
        var p = ProbeDescription.Effective(workload.RequireProbe(ProbeKind.Startup));
        return new TimeBound(
            "start→started",
            0,
            p.InitialDelaySeconds + p.FailureThreshold * p.PeriodSeconds + p.TimeoutSeconds + Tolerance,
            Format($"[0, D + F·P + T + {Tolerance}] with D={p.InitialDelaySeconds}, F={p.FailureThreshold}, P={p.PeriodSeconds}, T={p.TimeoutSeconds}"));
    }

    /// <summary>Container start → killed and started again after the startup probe failed <c>failureThreshold</c> times.</summary>
    /// <remarks>Kubelets before v1.21 kill on the next periodic pod sync, 64–82 s late (§2); that is allowed for here.</remarks>
    public TimeBound StartupRestart()
    {
        var p = ProbeDescription.Effective(workload.RequireProbe(ProbeKind.Startup));
        var stop = StopAllowance(ProbeKind.Startup);
        var lateSync = IsBefore(1, 21) ? 90 : 0;
        return new TimeBound(
            "start→restart",
            p.InitialDelaySeconds + (p.FailureThreshold - 1) * p.PeriodSeconds,
            p.InitialDelaySeconds + p.FailureThreshold * p.PeriodSeconds + p.TimeoutSeconds + Tolerance + stop + lateSync,
            Format($"[D + (F−1)·P, D + F·P + T + {Tolerance} + {stop} s to stop and start{(lateSync > 0 ? $" + {lateSync} s periodic sync (before v1.21)" : "")}] with D={p.InitialDelaySeconds}, F={p.FailureThreshold}, P={p.PeriodSeconds}, T={p.TimeoutSeconds}"));
    }

    /// <summary>The grace period a probe kill gives the container: probe-level, else the pod's, else 30 s; at least 2 s (§1.5).</summary>
    public long KillGracePeriod(ProbeKind kind) =>
        Math.Max(2, workload.Probe(kind)?.TerminationGracePeriodSeconds
            ?? workload.Workload.Deployment.Spec.Template.Spec.TerminationGracePeriodSeconds
            ?? 30);

    /// <summary>True when the cluster's Kubernetes version is older than <paramref name="major"/>.<paramref name="minor"/>.</summary>
    public bool IsBefore(int major, int minor) =>
        KubernetesVersion.TryParse(cluster.Backend.KubernetesVersion, out var version) && version < new Version(major, minor);

    // A container that ignores SIGTERM lives until the grace deadline; one that exits on it is gone within a moment.
    private double StopAllowance(ProbeKind kind) =>
        workload.Container.Env?.Any(e => e.Name == "IGNORE_SIGTERM" && e.Value is "true" or "1") == true
            ? KillGracePeriod(kind) + RestartAllowance
            : RestartAllowance;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
