using System.Globalization;

namespace ProbeHarness.Steps.Drivers.Proxy;

/// <summary>One probe the proxy forwards: the probe's kind and protocol, the proxy's port the probe now aims at, and the app's real port.</summary>
/// <param name="Probe">The probe.</param>
/// <param name="Protocol">How it is forwarded.</param>
/// <param name="ListenPort">The proxy's port.</param>
/// <param name="AppPort">The app's port the probe aimed at in the manifest.</param>
public sealed record ProxyRoute(ProbeKind Probe, ProxyProtocol Protocol, int ListenPort, int AppPort)
{
    /// <summary>The route as the target app's <c>PROXY_ROUTES</c> entry reads it, e.g. <c>liveness:http:15081:8080</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Probe.ToString().ToLowerInvariant()}:{Protocol.ToString().ToLowerInvariant()}:{ListenPort}:{AppPort}");
}
