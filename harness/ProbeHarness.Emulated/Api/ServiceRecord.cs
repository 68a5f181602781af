using k8s.Models;
using ProbeHarness.Emulated.Services;

namespace ProbeHarness.Emulated.Api;

/// <summary>The emulated API server's entry for one Service: the object, its EndpointSlice and its loopback proxies.</summary>
internal sealed class ServiceRecord(V1Service service, V1EndpointSlice slice, IReadOnlyList<EmulatedServiceProxy> proxies)
{
    /// <summary>The Service as stored.</summary>
    public V1Service Service { get; } = service;

    /// <summary>The Service's one EndpointSlice.</summary>
    public V1EndpointSlice Slice { get; } = slice;

    /// <summary>One proxy per Service port.</summary>
    public IReadOnlyList<EmulatedServiceProxy> Proxies { get; } = proxies;

    /// <summary>The slice's endpoints and ports as last published (JSON), to publish only real changes.</summary>
    public string? PublishedContent { get; set; }

    /// <summary>The Service's name.</summary>
    public string Name => Service.Metadata.Name;
}
