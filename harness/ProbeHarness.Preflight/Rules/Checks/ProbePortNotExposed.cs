using k8s.Models;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Rules.Checks;

/// <summary>
/// PH004: a probe port no container port exposes. A name the container does not declare is an error (the kubelet cannot resolve it, per
/// <see cref="ProbeSpecValidator"/>); a number no container of the pod declares is a warning (containerPort is informational, but it is usually a typo).
/// </summary>
public sealed class ProbePortNotExposed : IPreflightCheck
{
    /// <inheritdoc />
    public PreflightRule Rule { get; } = new(
        "PH004",
        "probe-port-not-exposed",
        Severity.Warning,
        "A probe's port (number or name) is not a containerPort of the pod (a name must be one of the container's own).",
        "Overly aggressive probe configuration (a probe that can never pass)");

    /// <inheritdoc />
    public IEnumerable<Finding> Check(ContainerContext container)
    {
        ArgumentNullException.ThrowIfNull(container);
        foreach (var site in container.Probes)
        {
            foreach (var error in container.Validation(site).Where(e => e.Origin == FieldErrorOrigin.Kubelet && e.Type == FieldErrorType.NotFound))
            {
                yield return container.Finding(
                    Rule,
                    error.Field,
                    $"{site.Label} probe port '{error.BadValue}' is no containerPort name of container '{container.Name}'",
                    $"the API server accepts it, but the kubelet cannot resolve the name: every attempt errors (port {error.BadValue} not found) and is discarded, so the probe never passes{Consequence(site)}",
                    $"name a port of container '{container.Name}' ({Names(container.Container)}), or use the port number",
                    Severity.Error);
            }

            if (Number(site.Probe) is { } numbered && !Declared(container.Template.Spec, numbered.Port))
            {
                yield return container.Finding(
                    Rule,
                    $"{site.Path}.{numbered.Field}",
                    $"{site.Label} probe port {numbered.Port} is no containerPort of the pod",
                    $"the probe works only if the app listens on {numbered.Port} anyway (containerPort is informational); a port typo makes every attempt fail (connection refused){Consequence(site)}",
                    $"probe a port the app listens on and declare it under ports of container '{container.Name}' (declared: {Numbers(container.Template.Spec)})");
            }
        }
    }

    private static string Consequence(ProbeSite site) => site.Type switch
    {
        Kubelet.Probing.ProbeType.Readiness => ": the pod never becomes ready",
        Kubelet.Probing.ProbeType.Startup => ": the container never starts (killed after failureThreshold × periodSeconds, again and again)",
        _ => ": the container never passes liveness",
    };

    private static (int Port, string Field)? Number(V1Probe probe)
    {
        if (probe.HttpGet is { Host: null or "" } http && int.TryParse(http.Port?.Value, out var httpPort))
        {
            return (httpPort, "httpGet.port");
        }

        if (probe.TcpSocket is { Host: null or "" } tcp && int.TryParse(tcp.Port?.Value, out var tcpPort))
        {
            return (tcpPort, "tcpSocket.port");
        }

        return probe.Grpc is { } grpc ? (grpc.Port, "grpc.port") : null;
    }

    // Containers share the pod's network namespace, so any container's (or sidecar's) port serves the probe.
    private static bool Declared(V1PodSpec spec, int port) => AllPorts(spec).Any(p => p.ContainerPort == port);

    private static IEnumerable<V1ContainerPort> AllPorts(V1PodSpec spec) =>
        (spec.Containers ?? []).Concat(spec.InitContainers ?? []).SelectMany(c => c.Ports ?? []);

    private static string Numbers(V1PodSpec spec) =>
        AllPorts(spec).Select(p => $"{p.ContainerPort}").DefaultIfEmpty("none").Aggregate((a, b) => $"{a}, {b}");

    private static string Names(V1Container container) =>
        (container.Ports ?? []).Where(p => !string.IsNullOrEmpty(p.Name)).Select(p => p.Name).DefaultIfEmpty("none").Aggregate((a, b) => $"{a}, {b}");
}
