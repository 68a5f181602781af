using System.Globalization;
using k8s.Models;
using ProbeHarness.Kubelet;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Steps.Support;
using KubeletFault = ProbeHarness.Kubelet.Semantics.ProbeFault;

namespace ProbeHarness.Steps.Drivers;

/// <summary>
/// The windows in which the kubelet must react, predicted by the kubelet model (<see cref="DetectionWindow"/>) from the deployed
/// probe spec, the injected fault and how the app stops; widened by <see cref="Tolerance"/> for status propagation, process
/// start and whole-second server timestamps.
/// </summary>
public sealed class DetectionBounds(WorkloadDriver workload, ScenarioCluster cluster)
{
    /// <summary>Widens every window on both sides.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(2);

    /// <summary>How long the target app takes to exit after SIGTERM beyond its configured shutdown delay.</summary>
    private const double ExitSlackSeconds = 1;

    /// <summary>Fault → the probe's reaction: Ready=False (readiness) or the kill (liveness, startup). Without a fault, counted from the container start.</summary>
    public TimeBound Detection(ProbeKind kind, InjectedFault? fault, string name) =>
        Predict(kind, fault, DetectionMeasure.Detected, name);

    /// <summary>Fault → the container runs again after a liveness or startup kill. Without a fault, counted from the container start.</summary>
    public TimeBound Restart(ProbeKind kind, InjectedFault? fault, string name) =>
        Predict(kind, fault, DetectionMeasure.Restarted, name);

    /// <summary>The end of a readiness fault → Ready again (<c>successThreshold</c> consecutive successes).</summary>
    public TimeBound ReadyAgain(InjectedFault? endedFault, string name)
    {
        var fault = endedFault?.Request is { Heals: false } request && Kind(request, fromStart: false) is { Kind: FaultKind.Hang or FaultKind.Slow } slow
            ? slow
            : KubeletFault.Recover();
        return Predict(ProbeKind.Readiness, fault, DetectionMeasure.ReadyAgain, name);
    }

    /// <summary>Container start → started: the startup probe's whole budget (initialDelay + failureThreshold periods and a timeout).</summary>
    public TimeBound StartupSuccess()
    {
        var p = ProbeDescription.Effective(workload.RequireProbe(ProbeKind.Startup));
        var tolerance = Tolerance.TotalSeconds;
        return new TimeBound(
            "start→started",
            0,
            p.InitialDelaySeconds + p.FailureThreshold * p.PeriodSeconds + p.TimeoutSeconds + tolerance,
            string.Create(CultureInfo.InvariantCulture, $"[0, d + fT·p + T] with d={p.InitialDelaySeconds}, fT={p.FailureThreshold}, p={p.PeriodSeconds}, T={p.TimeoutSeconds}, + tolerance {tolerance}"));
    }

    /// <summary>The grace period a kill for <paramref name="kind"/> gives the container (probe-level, else the pod's, else 30 s; at least 2 s).</summary>
    public long KillGracePeriod(ProbeKind kind) =>
        Kubelet.Semantics.KillGracePeriod.ForProbeFailure(
            new V1Pod { Metadata = new V1ObjectMeta(), Spec = workload.Workload.Deployment.Spec.Template.Spec },
            workload.Container,
            Type(kind));

    /// <summary>True when the cluster's Kubernetes version is older than <paramref name="major"/>.<paramref name="minor"/>.</summary>
    public bool IsBefore(int major, int minor) =>
        KubernetesVersion.TryParse(cluster.Backend.KubernetesVersion, out var version) && version < new Version(major, minor);

    private TimeBound Predict(ProbeKind kind, InjectedFault? fault, DetectionMeasure measure, string name) =>
        Predict(kind, fault is null ? KubeletFault.FailFast() with { PresentFromStart = true } : Kind(fault.Request, fromStart: false), measure, name);

    private TimeBound Predict(ProbeKind kind, KubeletFault fault, DetectionMeasure measure, string name)
    {
        var query = new DetectionQuery(Type(kind), workload.RequireProbe(kind), fault, measure)
        {
            Tolerance = Tolerance,
            ExitAfterSigterm = ExitAfterSigterm(),
            GracePeriodSeconds = kind == ProbeKind.Readiness ? Kubelet.Semantics.KillGracePeriod.MinimumSeconds : KillGracePeriod(kind),
            Profile = IsBefore(1, 21) ? KubeletProfile.V120 : KubeletProfile.V132,
        };
        DetectionWindow window;
        try
        {
            window = DetectionWindow.Predict(query);
        }
        catch (ArgumentException e)
        {
            throw new ScenarioInputException($"no {kind.ToString().ToLowerInvariant()} bound for {name}: {e.Message}");
        }

        return window.Never
            ? throw new ScenarioInputException($"the {kind.ToString().ToLowerInvariant()} probe never reacts to this fault ({window.Formula}); expect no reaction instead.")
            : new TimeBound(name, Math.Round(window.Min.TotalSeconds, 3), Math.Round(window.Max.TotalSeconds, 3), window.Formula);
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
        return TimeSpan.FromSeconds(delay + ExitSlackSeconds);
    }

    // The target app's flap fails one probe in every n (n = 1: all fail), which the model calls one failure in a row.
    private static KubeletFault Kind(FaultRequest request, bool fromStart)
    {
        var body = request.Body;
        KubeletFault fault = body?["mode"]?.GetValue<string>() switch
        {
            "hang" => KubeletFault.Hang(),
            "slow" => KubeletFault.Slow(TimeSpan.FromMilliseconds(body!["delayMs"]!.GetValue<int>())),
            "flap" when body!["every"]!.GetValue<int>() > 1 => KubeletFault.Flap(1),
            _ => KubeletFault.FailFast(),
        };
        return fault with { PresentFromStart = fromStart };
    }

    private static ProbeType Type(ProbeKind kind) => kind switch
    {
        ProbeKind.Liveness => ProbeType.Liveness,
        ProbeKind.Readiness => ProbeType.Readiness,
        _ => ProbeType.Startup,
    };
}
