using k8s.Models;

namespace ProbeHarness.Kubernetes.EndpointSlices;

/// <summary>Converts v1beta1 EndpointSlices to the v1 model, as the API server's own v1beta1→v1 conversion does.</summary>
public static class EndpointSliceConversion
{
    /// <summary>The annotation marking a slice that was served as v1beta1 and converted by the harness.</summary>
    public const string ConvertedFromAnnotation = "probe-harness/converted-from";

    /// <summary>The topology key v1 moved to <c>nodeName</c>.</summary>
    public const string HostnameTopologyKey = "kubernetes.io/hostname";

    /// <summary>The topology key v1 moved to <c>zone</c>.</summary>
    public const string ZoneTopologyKey = "topology.kubernetes.io/zone";

    /// <summary>The v1 model of a v1beta1 slice: topology's hostname becomes nodeName, its zone becomes zone, the rest stays as deprecatedTopology.</summary>
    public static V1EndpointSlice ToV1(V1beta1EndpointSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var annotations = new Dictionary<string, string>(slice.Metadata.Annotations ?? new Dictionary<string, string>())
        {
            [ConvertedFromAnnotation] = slice.ApiVersion,
        };

        return new V1EndpointSlice
        {
            ApiVersion = $"{V1EndpointSlice.KubeGroup}/{V1EndpointSlice.KubeApiVersion}",
            Kind = V1EndpointSlice.KubeKind,
            Metadata = slice.Metadata with { Annotations = annotations },
            AddressType = slice.AddressType,
            Endpoints = slice.Endpoints?.Select(ToV1).ToList(),
            Ports = slice.Ports?.ToList(),
        };
    }

    private static V1Endpoint ToV1(V1beta1Endpoint endpoint)
    {
        IReadOnlyDictionary<string, string> topology = new Dictionary<string, string>(endpoint.Topology ?? new Dictionary<string, string>());
        var rest = topology
            .Where(pair => pair.Key is not HostnameTopologyKey and not ZoneTopologyKey)
            .ToDictionary(pair => pair.Key, pair => pair.Value);

        return new V1Endpoint
        {
            Addresses = endpoint.Addresses?.ToList(),
            Conditions = endpoint.Conditions,
            Hostname = endpoint.Hostname,
            TargetRef = endpoint.TargetRef,
            NodeName = endpoint.NodeName ?? topology.GetValueOrDefault(HostnameTopologyKey),
            Zone = topology.GetValueOrDefault(ZoneTopologyKey),
            DeprecatedTopology = rest.Count == 0 ? null : rest,
        };
    }
}
