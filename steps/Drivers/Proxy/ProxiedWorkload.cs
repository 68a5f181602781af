using ProbeHarness.Cluster;

namespace ProbeHarness.Steps.Drivers.Proxy;

/// <summary>A user's workload with a probe fault proxy beside each probed container and those probes re-pointed at it.</summary>
/// <param name="Workload">The workload as it is deployed.</param>
/// <param name="Proxies">One per probed container.</param>
/// <param name="Limits">What the proxy does not reach (exec probes), one plain sentence each, for the scenario log.</param>
public sealed record ProxiedWorkload(Workload Workload, IReadOnlyList<ProxyAttachment> Proxies, IReadOnlyList<string> Limits);
