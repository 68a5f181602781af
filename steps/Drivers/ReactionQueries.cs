using System.Globalization;
using k8s.Models;
using ProbeHarness.Kubelet;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Steps.Support;
using KubeletFault = ProbeHarness.Kubelet.Semantics.ProbeFault;

namespace ProbeHarness.Steps.Drivers;

/// <summary>
/// Asks the kubelet model (<see cref="ReactionWindow"/>) for the window of a reaction, from the deployed probe spec, the injected
/// fault and how the target app stops; computes nothing itself.
/// </summary>
public sealed class ReactionQueries(WorkloadDriver workload, ScenarioCluster cluster)
{
    /// <summary>How long the target app takes to exit after SIGTERM beyond its configured shutdown delay (a fact of the app, not of the kubelet).</summary>
    private const double ExitSlackSeconds = 1;

    /// <summary>The window of <paramref name="measure"/> for the probe <paramref name="kind"/>; without a fault, counted from the container start.</summary>
    /// <exception cref="ScenarioInputException">The measure does not apply, or the probe never reacts to the fault.</exception>
    public ReactionWindow Window(ProbeKind kind, InjectedFault? fault, ReactionMeasure measure)
    {
        var probeFault = fault is null
            ? KubeletFault.FailFast() with { PresentFromStart = true }
            : ProbeFaultOf(fault.Request) with { SinceStart = fault.ContainerStartedAt is { } startedAt ? fault.Active.Earliest - startedAt : null };
        // A stopped process takes SIGTERM only when continued: a frozen app is killed at the grace deadline.
        var stopped = fault?.Request is { Target: FaultTarget.Execution, Heals: false };
        return Predict(kind, probeFault, measure, stopped);
    }

    /// <summary>
    /// The window of a liveness kill after <paramref name="fault"/> (null: from the container start): the fault's own one,
    /// or, for a fault the model says never kills (a flap, a slow answer within the timeout), a failure streak's from the
    /// same moment. Its latest is how long "not restarted" must hold to rule out a kill that fault could cause.
    /// </summary>
    public ReactionWindow LivenessKillWindow(InjectedFault? fault)
    {
        try
        {
            return Window(ProbeKind.Liveness, fault, ReactionMeasure.Kill);
        }
        catch (ScenarioInputException) when (fault is not null)
        {
            var streak = KubeletFault.FailFast() with { SinceStart = fault.ContainerStartedAt is { } startedAt ? fault.Active.Earliest - startedAt : null };
            return Predict(ProbeKind.Liveness, streak, ReactionMeasure.Kill);
        }
    }

    /// <summary>The end of a readiness fault → Ready (or the endpoint ready) again (<c>successThreshold</c> consecutive successes).</summary>
    public ReactionWindow ReadyAgain(InjectedFault? endedFault, ReactionMeasure measure = ReactionMeasure.ReadyAgain)
    {
        var fault = endedFault?.Request is { Heals: false } request && ProbeFaultOf(request) is { Kind: FaultKind.Hang or FaultKind.Slow } slow
            ? slow
            : KubeletFault.Recover();
        return Predict(ProbeKind.Readiness, fault, measure);
    }

    /// <summary>Container start → started (<see cref="ReactionMeasure.Started"/>) or → Ready (<see cref="ReactionMeasure.Ready"/>), under the startup probe.</summary>
    public ReactionWindow FromStart(ReactionMeasure measure) =>
        ReactionWindow.Predict(new ReactionQuery(ProbeType.Startup, workload.RequireProbe(ProbeKind.Startup), KubeletFault.FailFast(), measure)
        {
            ReadinessProbe = workload.Probe(ProbeKind.Readiness),
        });

    /// <summary>The <paramref name="delayedRestart"/>-th (0-based) crash-loop back-off delay between an exit and the next start.</summary>
    public static ReactionWindow BackOffDelay(int delayedRestart) =>
        ReactionWindow.Predict(new ReactionQuery(ProbeType.Liveness, new V1Probe(), KubeletFault.FailFast(), ReactionMeasure.BackOffDelay) { DelayedRestart = delayedRestart });

    /// <summary>The grace period a kill for <paramref name="kind"/> gives the container (probe-level, else the pod's, else 30 s; at least 2 s).</summary>
    public long KillGracePeriod(ProbeKind kind) =>
        Kubelet.Semantics.KillGracePeriod.ForProbeFailure(
            new V1Pod { Metadata = new V1ObjectMeta(), Spec = workload.Workload.Deployment.Spec.Template.Spec },
            workload.Container,
            Type(kind));

    /// <summary>True when the cluster's Kubernetes version is older than <paramref name="major"/>.<paramref name="minor"/>.</summary>
    public bool IsBefore(int major, int minor) =>
        KubernetesVersion.TryParse(cluster.Backend.KubernetesVersion, out var version) && version < new Version(major, minor);

    /// <summary>The model's view of a fault: the target app's flap fails one probe in every n (n = 1: all fail), which the model calls one failure in a row.</summary>
    public static KubeletFault ProbeFaultOf(FaultRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Mode switch
        {
            FaultMode.Hang => KubeletFault.Hang(),
            FaultMode.Slow => KubeletFault.Slow(request.Delay),
            FaultMode.Flap when request.Every > 1 => KubeletFault.Flap(1),
            _ => KubeletFault.FailFast(),
        };
    }

    private ReactionWindow Predict(ProbeKind kind, KubeletFault fault, ReactionMeasure measure, bool stopped = false)
    {
        var query = new ReactionQuery(Type(kind), workload.RequireProbe(kind), fault, measure)
        {
            ExitAfterSigterm = stopped ? null : ExitAfterSigterm(),
            ExitSlack = TimeSpan.FromSeconds(ExitSlackSeconds),
            GracePeriodSeconds = kind == ProbeKind.Readiness ? Kubelet.Semantics.KillGracePeriod.MinimumSeconds : KillGracePeriod(kind),
            Profile = IsBefore(1, 21) ? KubeletProfile.V120 : KubeletProfile.V132,
        };
        ReactionWindow window;
        try
        {
            window = ReactionWindow.Predict(query);
        }
        catch (ArgumentException e)
        {
            throw new ScenarioInputException($"no {kind.ToString().ToLowerInvariant()} bound for {measure}: {e.Message}");
        }

        return window.Never
            ? throw new ScenarioInputException($"the {kind.ToString().ToLowerInvariant()} probe never reacts to this fault ({window.Formula}); expect no reaction instead.")
            : window;
    }

    // The target app exits on SIGTERM after its shutdown delay, unless it ignores SIGTERM (then the grace deadline decides).
    private TimeSpan? ExitAfterSigterm()
    {
        string? Env(string variable) => workload.Container.Env?.FirstOrDefault(e => e.Name == variable)?.Value;
        if (Env("IGNORE_SIGTERM") is "true" or "1")
        {
            return null;
        }

        var delay = double.TryParse(Env("SHUTDOWN_DELAY_SECONDS"), CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
        return TimeSpan.FromSeconds(delay);
    }

    /// <summary>The kubelet model's probe type of <paramref name="kind"/>.</summary>
    public static ProbeType Type(ProbeKind kind) => kind switch
    {
        ProbeKind.Liveness => ProbeType.Liveness,
        ProbeKind.Readiness => ProbeType.Readiness,
        _ => ProbeType.Startup,
    };
}
