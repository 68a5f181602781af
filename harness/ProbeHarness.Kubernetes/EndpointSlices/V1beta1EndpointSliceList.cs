using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace ProbeHarness.Kubernetes.EndpointSlices;

/// <summary>A list of v1beta1 EndpointSlices with the list's resourceVersion.</summary>
public sealed class V1beta1EndpointSliceList : IKubernetesObject<V1ListMeta>
{
    /// <summary><c>discovery.k8s.io/v1beta1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "discovery.k8s.io/v1beta1";

    /// <summary><c>EndpointSliceList</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "EndpointSliceList";

    /// <summary>The list's metadata, with the resourceVersion to watch from.</summary>
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The slices.</summary>
    [JsonPropertyName("items")]
    public IList<V1beta1EndpointSlice> Items { get; set; } = [];
}
