namespace ProbeHarness.Emulated.Services;

/// <summary>A ready endpoint a Service proxy may send a request to.</summary>
/// <param name="PodName">The pod behind the address.</param>
/// <param name="Address">The pod IP.</param>
/// <param name="Port">The target port on the pod.</param>
public sealed record ProxyEndpoint(string PodName, string Address, int Port);
