using k8s.Models;

namespace ProbeHarness.Preflight.Rules;

/// <summary>What a probe checks, as comparable text: <c>GET HTTP :8080/healthz</c>, <c>TCP :8081</c>, <c>gRPC :9090 service ""</c>, <c>exec [cat /tmp/healthy]</c>.</summary>
public static class ProbeEndpoint
{
    /// <summary>The endpoint of <paramref name="probe"/> (defaults applied) on <paramref name="container"/>; a named port is resolved to its number when the container has it.</summary>
    public static string Describe(V1Probe probe, V1Container container)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(container);
        if (probe.HttpGet is { } http)
        {
            return $"GET {http.Scheme} {http.Host}:{Port(http.Port, container)}{http.Path}";
        }

        if (probe.TcpSocket is { } tcp)
        {
            return $"TCP {tcp.Host}:{Port(tcp.Port, container)}";
        }

        if (probe.Grpc is { } grpc)
        {
            return $"gRPC :{grpc.Port} service \"{grpc.Service}\"";
        }

        return probe.Exec is { } exec ? $"exec [{string.Join(' ', exec.Command ?? [])}]" : "no handler";
    }

    private static string Port(IntOrString? port, V1Container container)
    {
        var value = port?.Value ?? string.Empty;
        return container.Ports?.FirstOrDefault(p => p.Name == value) is { } named ? $"{named.ContainerPort}" : value;
    }
}
