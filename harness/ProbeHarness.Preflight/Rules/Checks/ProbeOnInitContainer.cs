using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Rules.Checks;

/// <summary>PH008: a probe on an init container that is no sidecar (<c>restartPolicy: Always</c>): the API server rejects it.</summary>
public sealed class ProbeOnInitContainer : IPreflightCheck
{
    /// <inheritdoc />
    public PreflightRule Rule { get; } = new(
        "PH008",
        "probe-on-init-container",
        Severity.Error,
        "An init container without restartPolicy: Always (not a sidecar) has a probe.",
        "API server validation (validateInitContainers), not in the article");

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ContainerContext container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (!container.IsInit || container.IsSidecar)
        {
            yield break;
        }

        foreach (var type in new[] { ProbeType.Liveness, ProbeType.Readiness, ProbeType.Startup })
        {
            if (container.Probe(type) is not { } site)
            {
                continue;
            }

            yield return container.Finding(
                Rule,
                site.Path,
                $"{site.Path}: Forbidden: may not be set for init containers without restartPolicy=Always",
                $"the API server rejects the {container.Template.Document.Kind}; an init container runs to completion before the app starts, so a {site.Label} probe has nothing to act on",
                "remove the probe, or make the init container a sidecar with restartPolicy: Always (Kubernetes 1.29+) if it keeps running next to the app");
        }
    }
}
