using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Rules.Checks;

/// <summary>PH005: <c>timeoutSeconds</c> ≥ <c>periodSeconds</c> (defaults applied): a hanging attempt outlives the period.</summary>
public sealed class TimeoutNotBelowPeriod : IPreflightCheck
{
    /// <inheritdoc />
    public PreflightRule Rule { get; } = new(
        "PH005",
        "timeout-not-below-period",
        Severity.Warning,
        "A probe's timeoutSeconds is not below its periodSeconds.",
        "Overly aggressive probe configuration (periodSeconds too high for the timeout)");

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ContainerContext container)
    {
        ArgumentNullException.ThrowIfNull(container);
        foreach (var site in container.Probes.Where(container.IsAccepted))
        {
            var probe = ContainerContext.Defaulted(site);
            if (probe.TimeoutSeconds < probe.PeriodSeconds)
            {
                continue;
            }

            var measure = site.Type == Kubelet.Probing.ProbeType.Readiness ? "marked unready" : "killed";
            var hang = ReactionWindow.Predict(new ReactionQuery(site.Type, site.Probe, ProbeFault.Hang(), Reactions.DetectionOf(site.Type)));
            yield return container.Finding(
                Rule,
                $"{site.Path}.timeoutSeconds",
                $"{site.Label} probe timeoutSeconds {probe.TimeoutSeconds} is not below periodSeconds {probe.PeriodSeconds}",
                $"a hanging endpoint holds each attempt for {probe.TimeoutSeconds} s, so attempts run back to back every {probe.TimeoutSeconds} s instead of every {probe.PeriodSeconds} s and the container is {measure} only {Seconds.Of(hang.Min)}–{Seconds.Of(hang.Max)} s after the hang starts ({hang.Formula})",
                $"keep timeoutSeconds well below periodSeconds (e.g. timeoutSeconds ≤ periodSeconds / 2): lower timeoutSeconds to what a healthy answer needs, or raise periodSeconds above {probe.TimeoutSeconds}");
        }
    }
}
