using k8s;
using ProbeHarness.Kubernetes.EndpointSlices;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.EndpointSlices;

public sealed class EndpointSliceConversionTests
{
    private static V1beta1EndpointSliceList Recorded() =>
        KubernetesJson.Deserialize<V1beta1EndpointSliceList>(Responses.Read("endpointslices-v1beta1.json"));

    [Fact]
    public void Reads_the_v1beta1_wire_format()
    {
        // Given a Kubernetes 1.20 EndpointSlice list
        // When it is read
        var list = Recorded();

        // Then the list's resourceVersion, the topology maps and the conditions are there
        Assert.Equal("20731", list.Metadata.ResourceVersion);
        var slice = Assert.Single(list.Items);
        Assert.Equal("discovery.k8s.io/v1beta1", slice.ApiVersion);
        Assert.Equal("zone-b", slice.Endpoints![0].Topology!["topology.kubernetes.io/zone"]);
        Assert.Null(slice.Endpoints[0].NodeName);
        Assert.True(slice.Endpoints[0].Conditions!.Ready);
    }

    [Fact]
    public void Moves_hostname_and_zone_out_of_topology_as_v1_does()
    {
        // Given the recorded v1beta1 slice
        var beta = Recorded().Items.Single();

        // When it is converted
        var slice = EndpointSliceConversion.ToV1(beta);

        // Then nodeName and zone come from topology, the rest stays as deprecatedTopology, and the rest is carried over
        Assert.Equal("discovery.k8s.io/v1", slice.ApiVersion);
        Assert.Equal("EndpointSlice", slice.Kind);
        Assert.Equal("IPv4", slice.AddressType);
        var ready = slice.Endpoints[0];
        Assert.Equal("node-120", ready.NodeName);
        Assert.Equal("zone-b", ready.Zone);
        Assert.Equal(new Dictionary<string, string> { ["topology.kubernetes.io/region"] = "region-1" }, ready.DeprecatedTopology);
        Assert.Equal(["10.244.0.12"], ready.Addresses);
        Assert.Equal("target-app-5c7d9-abcde", ready.TargetRef.Name);
        var notReady = slice.Endpoints[1];
        Assert.False(notReady.Conditions.Ready);
        Assert.Null(notReady.Zone);
        Assert.Null(notReady.DeprecatedTopology);
        Assert.Equal(8080, slice.Ports.Single().Port);
    }

    [Fact]
    public void Marks_the_slice_as_converted_and_keeps_its_annotations()
    {
        // Given the recorded slice with an annotation of its own
        var beta = Recorded().Items.Single();

        // When it is converted
        var slice = EndpointSliceConversion.ToV1(beta);

        // Then the annotation is kept, the conversion is marked, and the original object is unchanged
        Assert.Equal("2026-05-04T10:01:40Z", slice.Metadata.Annotations["endpoints.kubernetes.io/last-change-trigger-time"]);
        Assert.Equal("discovery.k8s.io/v1beta1", slice.Metadata.Annotations["probe-harness/converted-from"]);
        Assert.False(beta.Metadata.Annotations.ContainsKey("probe-harness/converted-from"));
        Assert.Equal("20730", slice.Metadata.ResourceVersion);
    }

    [Fact]
    public void An_alpha_nodeName_wins_over_topology()
    {
        // Given a 1.20 slice written with the EndpointSliceNodeName gate on
        var beta = new V1beta1EndpointSlice
        {
            Endpoints = [new V1beta1Endpoint { NodeName = "from-field", Topology = new Dictionary<string, string> { ["kubernetes.io/hostname"] = "from-topology" } }],
        };

        // When it is converted
        var endpoint = EndpointSliceConversion.ToV1(beta).Endpoints.Single();

        // Then the field is used
        Assert.Equal("from-field", endpoint.NodeName);
    }
}
