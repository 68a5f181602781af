using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Rules.Checks;

/// <summary>PH006: a liveness <c>initialDelaySeconds</c> of at least <see cref="LongDelaySeconds"/> without a startup probe, which fits slow starts better.</summary>
public sealed class LongLivenessInitialDelay : IPreflightCheck
{
    /// <summary>From this initialDelaySeconds on, a startup probe is the better tool.</summary>
    public const int LongDelaySeconds = 30;

    /// <inheritdoc />
    public PreflightRule Rule { get; } = new(
        "PH006",
        "long-liveness-initial-delay",
        Severity.Warning,
        $"A livenessProbe waits initialDelaySeconds ≥ {LongDelaySeconds} and the container has no startupProbe.",
        "Overly aggressive probe configuration (initialDelaySeconds guessed instead of a startup probe)");

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ContainerContext container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (container.Probe(ProbeType.Liveness) is not { } liveness || !container.IsAccepted(liveness) || container.Probe(ProbeType.Startup) is not null)
        {
            yield break;
        }

        var delay = liveness.Probe.InitialDelaySeconds ?? 0;
        if (delay < LongDelaySeconds)
        {
            yield break;
        }

        var kill = ReactionWindow.Predict(new ReactionQuery(ProbeType.Liveness, liveness.Probe, ProbeFault.FailFast() with { PresentFromStart = true }, ReactionMeasure.Kill));
        const int period = 5;
        var threshold = (int)Math.Ceiling((double)delay / period);
        yield return container.Finding(
            Rule,
            $"{liveness.Path}.initialDelaySeconds",
            $"livenessProbe of container '{container.Name}' waits initialDelaySeconds {delay} and there is no startupProbe",
            $"every start goes without a liveness check for {delay} s, even when the app is up in a second (a hang right after the start goes unnoticed that long), and an app still starting is killed {Seconds.Of(kill.Min)}–{Seconds.Of(kill.Max)} s after the container starts ({kill.Formula}), on every restart again",
            $"remove initialDelaySeconds and add a startupProbe on the same endpoint with failureThreshold × periodSeconds ≥ {delay} s (e.g. periodSeconds: {period}, failureThreshold: {threshold}): liveness then starts as soon as the app is up, and slow starts get the whole budget");
    }
}
