using ProbeHarness.Kubelet.Timing;
using k8s.Models;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Rules.Checks;

/// <summary>PH010: per probe, the worst-case detection and recovery times the kubelet model predicts (<see cref="ReactionWindow"/>).</summary>
public sealed class DetectionTimes : IPreflightCheck
{
    /// <inheritdoc />
    public PreflightRule Rule { get; } = new(
        "PH010",
        "probe-detection-times",
        Severity.Note,
        "Informational: a probe's worst-case detection and recovery times from the kubelet model.",
        "Overly aggressive probe configuration (know what the configuration does before tuning it)");

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ContainerContext container)
    {
        ArgumentNullException.ThrowIfNull(container);
        foreach (var site in container.Probes.Where(container.IsAccepted))
        {
            var (message, runtime) = site.Type switch
            {
                ProbeType.Readiness => Readiness(site),
                ProbeType.Liveness => Killing(site, container, "the container"),
                _ => Killing(site, container, "a container still starting"),
            };
            yield return container.Finding(
                Rule,
                site.Path,
                $"{site.Label} probe of container '{container.Name}': {message}",
                runtime,
                "nothing to fix; if these times are too long (or too short for the app's slow moments), change periodSeconds, failureThreshold and timeoutSeconds");
        }
    }

    private static (string Message, string Runtime) Readiness(ProbeSite site)
    {
        var failFast = Predict(site, ProbeFault.FailFast(), ReactionMeasure.NotReady);
        var hang = Predict(site, ProbeFault.Hang(), ReactionMeasure.NotReady);
        var back = Predict(site, ProbeFault.Hang(), ReactionMeasure.ReadyAgain);
        return (
            $"out of the Service endpoints at worst {Seconds.Of(failFast.Max)} s after its endpoint starts failing ({Seconds.Of(hang.Max)} s when it hangs), back in at worst {Seconds.Of(back.Max)} s after it recovers",
            $"Ready turns False within [{Seconds.Of(failFast.Min)}, {Seconds.Of(failFast.Max)}] s of a failure ({failFast.Formula}); hang: [{Seconds.Of(hang.Min)}, {Seconds.Of(hang.Max)}] s ({hang.Formula}); Ready again within [{Seconds.Of(back.Min)}, {Seconds.Of(back.Max)}] s ({back.Formula})");
    }

    private static (string Message, string Runtime) Killing(ProbeSite site, ContainerContext container, string what)
    {
        var startup = site.Type == ProbeType.Startup;
        var fault = startup ? ProbeFault.FailFast() with { PresentFromStart = true } : ProbeFault.FailFast();
        var hang = startup ? ProbeFault.Hang() with { PresentFromStart = true } : ProbeFault.Hang();
        var detected = Predict(site, fault, ReactionMeasure.Kill);
        var hung = Predict(site, hang, ReactionMeasure.Kill);
        var grace = KillGracePeriod.ForProbeFailure(new V1Pod { Spec = container.Template.Spec }, container.Container, site.Type);
        var restarted = ReactionWindow.Predict(new ReactionQuery(site.Type, site.Probe, hang, ReactionMeasure.Restart) { ExitAfterSigterm = null, GracePeriodSeconds = grace });
        var from = startup ? "it starts" : "its endpoint starts failing";
        var since = startup ? "it started" : "the fault began";
        return (
            $"{what} is killed at worst {Seconds.Of(detected.Max)} s after {from} ({Seconds.Of(hung.Max)} s when the endpoint hangs); running again at worst {Seconds.Of(restarted.Max)} s after {since} (SIGTERM ignored, grace {grace} s, first restart)",
            $"kill within [{Seconds.Of(detected.Min)}, {Seconds.Of(detected.Max)}] s ({detected.Formula}); hang: [{Seconds.Of(hung.Min)}, {Seconds.Of(hung.Max)}] s ({hung.Formula}); restarted within [{Seconds.Of(restarted.Min)}, {Seconds.Of(restarted.Max)}] s ({restarted.Formula}); later restarts add the CrashLoopBackOff delay (10 s, doubling to 300 s)");
    }

    private static ReactionWindow Predict(ProbeSite site, ProbeFault fault, ReactionMeasure measure) =>
        ReactionWindow.Predict(new ReactionQuery(site.Type, site.Probe, fault, measure));
}
