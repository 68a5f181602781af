using k8s;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Rules.Checks;

/// <summary>PH002: the liveness probe is the readiness probe, field for field (after the API server's defaults).</summary>
public sealed class LivenessIdenticalToReadiness : IPreflightCheck
{
    /// <inheritdoc />
    public PreflightRule Rule { get; } = new(
        "PH002",
        "liveness-identical-to-readiness",
        Severity.Warning,
        "The livenessProbe is identical to the readinessProbe (same handler and timing).",
        "Using Liveness probes to restart containers unnecessarily");

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ContainerContext container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (container.Probe(ProbeType.Liveness) is not { } liveness || container.Probe(ProbeType.Readiness) is not { } readiness
            || !Identical(liveness, readiness))
        {
            yield break;
        }

        var endpoint = ProbeEndpoint.Describe(ContainerContext.Defaulted(liveness), container.Container);
        yield return container.Finding(
            Rule,
            liveness.Path,
            $"livenessProbe of container '{container.Name}' is identical to its readinessProbe ({endpoint})",
            "every failure that takes the pod out of its Services also restarts the container at the same moment: readiness can never shed load while the app recovers, and an outage of anything the endpoint checks restarts every replica",
            "give liveness its own endpoint that checks only that the process itself works, and a failureThreshold (or periodSeconds) larger than readiness's, so readiness reacts first; or drop the livenessProbe");
    }

    /// <summary>True when both probes, defaults applied, are the same apart from their type.</summary>
    internal static bool Identical(ProbeSite liveness, ProbeSite readiness) =>
        KubernetesJson.Serialize(ContainerContext.Defaulted(liveness)) == KubernetesJson.Serialize(ContainerContext.Defaulted(readiness));
}
