using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace ProbeHarness.Kubernetes.EndpointSlices;

/// <summary>An EndpointSlice as Kubernetes 1.17–1.20 serve it (<c>discovery.k8s.io/v1beta1</c>); converted to <see cref="V1EndpointSlice"/> before anyone sees it.</summary>
/// <remarks>KubernetesClient 21 has no v1beta1 model, so this one is read with a generic call.</remarks>
public sealed class V1beta1EndpointSlice : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The API version this model reads: <c>discovery.k8s.io/v1beta1</c>.</summary>
    public const string KubeApiVersion = "v1beta1";

    /// <summary><c>discovery.k8s.io/v1beta1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "discovery.k8s.io/v1beta1";

    /// <summary><c>EndpointSlice</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "EndpointSlice";

    /// <summary>The object's metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary><c>IPv4</c>, <c>IPv6</c> or <c>FQDN</c>.</summary>
    [JsonPropertyName("addressType")]
    public string? AddressType { get; set; }

    /// <summary>The endpoints.</summary>
    [JsonPropertyName("endpoints")]
    public IList<V1beta1Endpoint>? Endpoints { get; set; }

    /// <summary>The ports, shaped as in v1.</summary>
    [JsonPropertyName("ports")]
    public IList<Discoveryv1EndpointPort>? Ports { get; set; }
}
