using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Rules.Checks;

/// <summary>PH009: a liveness probe with <c>failureThreshold: 1</c>: one failed or slow attempt restarts the container.</summary>
public sealed class SingleFailureLiveness : IPreflightCheck
{
    /// <inheritdoc />
    public PreflightRule Rule { get; } = new(
        "PH009",
        "single-failure-liveness",
        Severity.Warning,
        "A livenessProbe restarts the container after a single failed attempt (failureThreshold: 1).",
        "Overly aggressive probe configuration (false positives and unnecessary restarts)");

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ContainerContext container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (container.Probe(ProbeType.Liveness) is not { } liveness || !container.IsAccepted(liveness) || ContainerContext.Defaulted(liveness).FailureThreshold != 1)
        {
            yield break;
        }

        var timeout = ContainerContext.Defaulted(liveness).TimeoutSeconds;
        yield return container.Finding(
            Rule,
            $"{liveness.Path}.failureThreshold",
            $"livenessProbe of container '{container.Name}' has failureThreshold 1",
            $"a single failed attempt, or one answer slower than {timeout} s (a GC pause, a busy moment), kills and restarts the container, dropping its in-flight requests",
            "use failureThreshold 3 (the default) or more, so a restart needs a run of failures; detect faster with a shorter periodSeconds instead");
    }
}
