namespace ProbeHarness.Steps.Drivers.Proxy;

/// <summary>The proxy beside one app container: its container name, its fault API port and the probes it forwards.</summary>
/// <param name="AppContainer">The app container whose probes it forwards.</param>
/// <param name="ProxyContainer">The proxy's container name.</param>
/// <param name="FaultApiPort">The port of the proxy's fault API.</param>
/// <param name="Routes">The probes it forwards.</param>
public sealed record ProxyAttachment(string AppContainer, string ProxyContainer, int FaultApiPort, IReadOnlyList<ProxyRoute> Routes);
