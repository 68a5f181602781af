using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Rules.Checks;

/// <summary>PH001: a serving container (not of a Job or CronJob, not an init container) without a readiness probe.</summary>
public sealed class MissingReadinessProbe : IPreflightCheck
{
    /// <inheritdoc />
    public PreflightRule Rule { get; } = new(
        "PH001",
        "missing-readiness-probe",
        Severity.Warning,
        "A container of a Deployment, StatefulSet, DaemonSet or Pod has no readinessProbe.",
        "Failing to define Readiness probes");

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ContainerContext container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (container.IsInit || container.Template.RunsToCompletion || container.Probe(ProbeType.Readiness) is not null)
        {
            yield break;
        }

        var started = container.Probe(ProbeType.Startup) is null ? "as soon as it runs" : "as soon as its startup probe passes";
        yield return container.Finding(
            Rule,
            $"{container.Path}.readinessProbe",
            $"container '{container.Name}' has no readinessProbe",
            $"the kubelet reports the container ready {started}, so Services send it traffic before the app can answer, and keep sending while it cannot (only a restart takes it out)",
            "add a readinessProbe on an endpoint that answers 200 only when the app can serve requests, including the dependencies it cannot serve without");
    }
}
