using k8s.Models;
using ProbeHarness.Steps.Drivers.Proxy;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Which of the deployed probes read what a fault changes (the target app's endpoints, port, health and memory files, or the probe fault proxy's routes), so a reaction is only ever timed against a fault that can cause it.</summary>
public static class FaultReach
{
    // The target app's defaults (target-app/README.md): the files exec probes read, and the raw TCP port.
    private const string HealthFile = "healthy";
    private const string MemoryFile = "memory-mb";
    private const int TcpPort = 8081;

    /// <summary>The probes of <paramref name="container"/> that <paramref name="fault"/> makes fail.</summary>
    public static IReadOnlyList<ProbeKind> ProbesReading(V1Container container, FaultRequest fault)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(fault);
        return [.. Enum.GetValues<ProbeKind>().Where(kind => ProbeDescription.Of(container, kind) is { } probe && Reads(container, probe, fault.Target))];
    }

    /// <summary>True when <paramref name="probe"/> of <paramref name="container"/> reads <paramref name="target"/>.</summary>
    public static bool Reads(V1Container container, V1Probe probe, FaultTarget target)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(probe);
        var state = StateRead(container, probe);
        return target switch
        {
            FaultTarget.LivenessEndpoint => state == FaultTarget.LivenessEndpoint,
            FaultTarget.ReadinessEndpoint => state == FaultTarget.ReadinessEndpoint,
            FaultTarget.StartupEndpoint => state == FaultTarget.StartupEndpoint,
            // A stopped process still has its listening socket accepted by the kernel, so only answers that need the app hang.
            FaultTarget.Execution => ProbeProxy.RouteOf(probe) is { Protocol: not ProxyProtocol.Tcp },
            FaultTarget.Dependency => state == FaultTarget.ReadinessEndpoint
                || (state == FaultTarget.LivenessEndpoint && probe.Exec is null && container.Env?.Any(e => e.Name == "LIVENESS_CHECKS_DEPENDENCY" && e.Value is "true" or "1" or "yes") == true),
            _ => state == target,
        };
    }

    // The part of the app a probe's answer follows; null when it reads nothing the fault API changes.
    private static FaultTarget? StateRead(V1Container container, V1Probe probe)
    {
        if (ProbeProxy.ShimmedKindOf(probe) is { } shimmed)
        {
            // An exec probe through the proxy's shim fails, hangs or slows with its probe kind's fault.
            return FaultRequest.EndpointOf(shimmed);
        }

        if (ProbeProxy.RouteOf(probe) is { } route)
        {
            // Through the proxy the route decides: its probe kind's faults, or the TCP fault for a tcpSocket route.
            return route.Protocol == ProxyProtocol.Tcp ? FaultTarget.TcpPort : FaultRequest.EndpointOf(route.Kind);
        }

        if (probe.HttpGet is { } http)
        {
            return (http.Path ?? "/").Split('?')[0] switch
            {
                "/healthz" => FaultTarget.LivenessEndpoint,
                "/readyz" => FaultTarget.ReadinessEndpoint,
                "/startupz" => FaultTarget.StartupEndpoint,
                _ => null,
            };
        }

        if (probe.Grpc is { } grpc)
        {
            return GrpcServiceTarget(grpc.Service);
        }

        if (probe.TcpSocket is { } tcp)
        {
            var port = tcp.Port?.Value;
            var number = int.TryParse(port, out var n) ? n : container.Ports?.FirstOrDefault(p => p.Name == port)?.ContainerPort;
            return number == TcpPort ? FaultTarget.TcpPort : null;
        }

        var command = string.Join(' ', probe.Exec?.Command ?? []);
        return command.Contains(HealthFile, StringComparison.Ordinal) ? FaultTarget.LivenessEndpoint
            : command.Contains(MemoryFile, StringComparison.Ordinal) ? FaultTarget.Memory
            : null;
    }

    /// <summary>The endpoint whose state a gRPC health service name follows (the target app's services), or null.</summary>
    public static FaultTarget? GrpcServiceTarget(string? service) => (service ?? string.Empty) switch
    {
        "" or "liveness" => FaultTarget.LivenessEndpoint,
        "readiness" => FaultTarget.ReadinessEndpoint,
        "startup" => FaultTarget.StartupEndpoint,
        _ => null,
    };
}
