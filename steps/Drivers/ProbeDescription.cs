using k8s.Models;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Steps.Drivers;

/// <summary>A probe as the kubelet runs it (defaults filled in) and as reports describe it.</summary>
public static class ProbeDescription
{
    /// <summary>The probe of <paramref name="kind"/> on <paramref name="container"/>, or null.</summary>
    public static V1Probe? Of(V1Container container, ProbeKind kind)
    {
        ArgumentNullException.ThrowIfNull(container);
        return kind switch
        {
            ProbeKind.Liveness => container.LivenessProbe,
            ProbeKind.Readiness => container.ReadinessProbe,
            _ => container.StartupProbe,
        };
    }

    /// <summary>The probe's parameters with every unset one at its Kubernetes default (<see cref="ProbeDefaults"/>).</summary>
    public static EffectiveProbe Effective(V1Probe probe)
    {
        var defaulted = ProbeDefaults.Apply(probe);
        return new EffectiveProbe(
            defaulted.InitialDelaySeconds!.Value,
            defaulted.PeriodSeconds!.Value,
            defaulted.TimeoutSeconds!.Value,
            defaulted.SuccessThreshold!.Value,
            defaulted.FailureThreshold!.Value,
            defaulted.TerminationGracePeriodSeconds);
    }

    /// <summary>The handler's API name: httpGet, tcpSocket, exec or grpc.</summary>
    public static string Handler(V1Probe probe) =>
        probe.HttpGet is not null ? "httpGet"
        : probe.TcpSocket is not null ? "tcpSocket"
        : probe.Exec is not null ? "exec"
        : probe.Grpc is not null ? "grpc"
        : "none";

    /// <summary>What the probe is aimed at, e.g. <c>/healthz:8080</c>, <c>:8081</c>, <c>cat /tmp/healthy</c>, <c>:9090 service ""</c>.</summary>
    public static string Target(V1Probe probe) =>
        probe.HttpGet is { } http ? $"{http.Path}:{http.Port?.Value}"
        : probe.TcpSocket is { } tcp ? $":{tcp.Port?.Value}"
        : probe.Exec is { } exec ? string.Join(' ', exec.Command ?? [])
        : probe.Grpc is { } grpc ? $":{grpc.Port} service \"{grpc.Service}\""
        : "";

    /// <summary>The probe as the scenario record lists it.</summary>
    public static ProbeSettings Settings(ProbeKind kind, V1Probe probe)
    {
        var effective = Effective(probe);
        return new ProbeSettings(
            kind.ToString().ToLowerInvariant(),
            Handler(probe),
            Target(probe),
            effective.InitialDelaySeconds,
            effective.PeriodSeconds,
            effective.TimeoutSeconds,
            effective.SuccessThreshold,
            effective.FailureThreshold,
            effective.TerminationGracePeriodSeconds);
    }
}
