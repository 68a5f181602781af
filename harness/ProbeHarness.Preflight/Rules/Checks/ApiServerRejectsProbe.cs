using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Rules.Checks;

/// <summary>PH007: a probe field the API server rejects, as <see cref="ProbeSpecValidator"/> finds it (e.g. <c>successThreshold</c> ≠ 1 on liveness/startup).</summary>
public sealed class ApiServerRejectsProbe : IPreflightCheck
{
    /// <inheritdoc />
    public PreflightRule Rule { get; } = new(
        "PH007",
        "api-server-rejects-probe",
        Severity.Error,
        "A probe field the API server rejects (successThreshold ≠ 1 on liveness/startup, negative values, no or several handlers, bad port or scheme…).",
        "API server validation (pkg/apis/core/validation), not in the article");

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ContainerContext container)
    {
        ArgumentNullException.ThrowIfNull(container);
        foreach (var site in container.Probes)
        {
            foreach (var error in container.Validation(site).Where(e => e.Origin == FieldErrorOrigin.ApiServer))
            {
                yield return container.Finding(
                    Rule,
                    error.Field,
                    $"{site.Label} probe: {error}",
                    $"the API server rejects the {container.Template.Document.Kind}: kubectl apply fails with \"{error}\" and nothing of it is deployed",
                    Fix(error));
            }
        }
    }

    private static string Fix(ProbeFieldError error)
    {
        if (error.Field.EndsWith(".successThreshold", StringComparison.Ordinal) && error.Detail == "must be 1")
        {
            return "set successThreshold to 1 or remove it: liveness and startup act on the first success; only readiness may ask for several";
        }

        if (error.Field.EndsWith(".terminationGracePeriodSeconds", StringComparison.Ordinal) && error.Detail.Contains("readiness", StringComparison.Ordinal))
        {
            return "remove terminationGracePeriodSeconds from the readinessProbe: a readiness failure kills nothing";
        }

        return error.Detail switch
        {
            "must be greater than or equal to 0" => "use a value ≥ 0 (0 or leaving it out means the default)",
            "must specify a handler type" or "may not specify more than 1 handler type" => "give the probe exactly one of exec, httpGet, tcpSocket, grpc",
            "" => $"set {error.Field}",
            var detail => $"change {error.Field}: it {detail}",
        };
    }
}
