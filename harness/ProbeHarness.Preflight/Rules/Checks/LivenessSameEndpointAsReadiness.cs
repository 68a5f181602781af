using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Rules.Checks;

/// <summary>PH003 (heuristic): liveness probes the endpoint readiness probes, with other timing, so it likely checks what readiness checks, dependencies included.</summary>
public sealed class LivenessSameEndpointAsReadiness : IPreflightCheck
{
    /// <inheritdoc />
    public PreflightRule Rule { get; } = new(
        "PH003",
        "liveness-same-endpoint-as-readiness",
        Severity.Warning,
        "Heuristic: the livenessProbe checks the same endpoint as the readinessProbe, so it likely checks a dependency.",
        "Not considering dependencies in Readiness probes (the liveness side: liveness checks a dependency)");

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ContainerContext container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (container.Probe(ProbeType.Liveness) is not { } liveness || container.Probe(ProbeType.Readiness) is not { } readiness
            || LivenessIdenticalToReadiness.Identical(liveness, readiness))
        {
            yield break;
        }

        var endpoint = ProbeEndpoint.Describe(ContainerContext.Defaulted(liveness), container.Container);
        if (endpoint != ProbeEndpoint.Describe(ContainerContext.Defaulted(readiness), container.Container) || endpoint == "no handler")
        {
            yield break;
        }

        yield return container.Finding(
            Rule,
            liveness.Path,
            $"heuristic: livenessProbe of container '{container.Name}' checks the same endpoint as its readinessProbe ({endpoint}); if that endpoint checks dependencies (a database, another service), as a readiness endpoint should, liveness checks a dependency",
            "when the dependency is down, every replica fails liveness and is restarted, which cannot fix the dependency: a restart loop (CrashLoopBackOff) on top of the outage, and a thundering herd when it comes back",
            "point liveness at an endpoint that checks only the process itself (e.g. /healthz answering 200 while the app can serve at all) and keep the dependency checks in the readiness endpoint; if this endpoint checks no dependency, ignore this finding");
    }
}
