using System.Text.Json.Serialization;
using k8s.Models;

namespace ProbeHarness.Kubernetes.EndpointSlices;

/// <summary>One endpoint of a v1beta1 EndpointSlice: where v1 has <c>nodeName</c> and <c>zone</c>, v1beta1 has a <c>topology</c> map.</summary>
public sealed class V1beta1Endpoint
{
    /// <summary>The endpoint's addresses.</summary>
    [JsonPropertyName("addresses")]
    public IList<string>? Addresses { get; set; }

    /// <summary>ready / serving / terminating, shaped as in v1.</summary>
    [JsonPropertyName("conditions")]
    public V1EndpointConditions? Conditions { get; set; }

    /// <summary>The endpoint's hostname.</summary>
    [JsonPropertyName("hostname")]
    public string? Hostname { get; set; }

    /// <summary>The pod behind the endpoint.</summary>
    [JsonPropertyName("targetRef")]
    public V1ObjectReference? TargetRef { get; set; }

    /// <summary>Topology labels, e.g. <c>kubernetes.io/hostname</c> and <c>topology.kubernetes.io/zone</c>.</summary>
    [JsonPropertyName("topology")]
    public IDictionary<string, string>? Topology { get; set; }

    /// <summary>Only with the alpha gate EndpointSliceNodeName (1.20); usually absent.</summary>
    [JsonPropertyName("nodeName")]
    public string? NodeName { get; set; }
}
