using ProbeHarness.TargetApp.Faults;

namespace ProbeHarness.TargetApp.Proxy;

/// <summary>One entry of <c>PROXY_ROUTES</c>: probes of <paramref name="Probe"/> arriving on <paramref name="ListenPort"/> go to the app's <paramref name="AppPort"/>.</summary>
/// <param name="Probe">The probe kind whose fault applies to every request on the listener.</param>
/// <param name="Protocol">http, tcp or grpc.</param>
/// <param name="ListenPort">The proxy's port, on <c>BIND_ADDRESS</c>, the probe is re-pointed at.</param>
/// <param name="AppPort">The app's real probe port, on <c>PROXY_APP_HOST</c>.</param>
public sealed record ProxyRoute(ProbeKind Probe, ProxyProtocol Protocol, int ListenPort, int AppPort)
{
    /// <summary>The route as written in <c>PROXY_ROUTES</c>, e.g. <c>liveness:http:15081:8080</c>.</summary>
    public override string ToString() => $"{Probe.Name()}:{Protocol.ToString().ToLowerInvariant()}:{ListenPort}:{AppPort}";
}
