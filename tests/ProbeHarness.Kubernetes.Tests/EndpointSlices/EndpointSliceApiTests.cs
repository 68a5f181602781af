using k8s;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.EndpointSlices;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.EndpointSlices;

public sealed class EndpointSliceApiTests : IAsyncLifetime
{
    private StubApiServer _stub = null!;

    public async ValueTask InitializeAsync() => _stub = await StubApiServer.StartAsync();

    public async ValueTask DisposeAsync() => await _stub.DisposeAsync();

    [Theory]
    [InlineData("apis-1.20.json", EndpointSliceVersion.V1beta1, "discovery.k8s.io/v1beta1")]
    [InlineData("apis-1.35.json", EndpointSliceVersion.V1, "discovery.k8s.io/v1")]
    public async Task Detects_the_served_version_from_the_api_group_list(string response, EndpointSliceVersion expected, string groupVersion)
    {
        // Given an API server's group list
        _stub.On("GET", "/apis/", StubResponse.File(response));
        using var connection = _stub.Connect();

        // When the EndpointSlice version is detected
        var api = await EndpointSliceApi.DetectAsync(connection.Client, connection.Api, TestContext.Current.CancellationToken);

        // Then v1 is used where served, v1beta1 otherwise
        Assert.Equal(expected, api.Version);
        Assert.Equal(groupVersion, api.GroupVersion);
    }

    [Fact]
    public void A_server_without_endpoint_slices_is_refused()
    {
        // Given a group list without discovery.k8s.io (Kubernetes 1.16)
        var groups = new V1APIGroupList { Groups = [new V1APIGroup { Name = "apps", Versions = [new V1GroupVersionForDiscovery { GroupVersion = "apps/v1", Version = "v1" }] }] };

        // When the version is chosen
        var error = Assert.Throws<ClusterUnavailableException>(() => EndpointSliceApi.Choose(groups, "https://old:6443"));

        // Then the message names the server and the minimum version
        Assert.Equal("The API server at https://old:6443 serves no EndpointSlices (discovery.k8s.io v1 or v1beta1); the harness needs Kubernetes 1.17 or later.", error.Message);
    }

    [Fact]
    public async Task Watches_v1beta1_slices_with_a_generic_call_and_converts_each_event()
    {
        // Given a 1.20 API server streaming two events for a slice
        var beta = Responses.Item("endpointslices-v1beta1.json", 0);
        var modified = Responses.Item("endpointslices-v1beta1.json", 0, "20750");
        modified["endpoints"]![1]!["conditions"]!["ready"] = true;
        _stub.OnWatch("/apis/discovery.k8s.io/v1beta1/namespaces/ph-a/endpointslices",
            StubResponse.Watch([Responses.Event("ADDED", beta), Responses.Event("MODIFIED", modified)], holdOpen: true));
        using var connection = _stub.Connect();
        var api = new EndpointSliceApi(connection.Client, EndpointSliceVersion.V1beta1);

        // When the namespace's slices are watched from a resourceVersion
        var events = new List<(WatchEventType Type, V1EndpointSlice Slice)>();
        await foreach (var item in api.WatchAsync("ph-a", "20731", _ => { }, TestContext.Current.CancellationToken))
        {
            events.Add(item);
            if (events.Count == 2)
            {
                break;
            }
        }

        // Then each event arrives as the v1 model, and the request asked for a watch from that resourceVersion
        Assert.Equal([WatchEventType.Added, WatchEventType.Modified], events.Select(item => item.Type));
        Assert.All(events, item => Assert.Equal("node-120", item.Slice.Endpoints[0].NodeName));
        Assert.Equal([true, true], events[1].Slice.Endpoints.Select(endpoint => endpoint.Conditions.Ready == true));
        var request = Assert.Single(_stub.RequestsTo("GET", "/apis/discovery.k8s.io/v1beta1/namespaces/ph-a/endpointslices"));
        Assert.Equal("true", request.Query["watch"]);
        Assert.Equal("20731", request.Query["resourceVersion"]);
    }

    [Fact]
    public async Task Lists_v1_slices_from_the_v1_path()
    {
        // Given a current API server
        _stub.On("GET", "/apis/discovery.k8s.io/v1/namespaces/ph-a/endpointslices", StubResponse.File("endpointslices-v1.json"));
        using var connection = _stub.Connect();
        var api = new EndpointSliceApi(connection.Client, EndpointSliceVersion.V1);

        // When the slices are listed
        var (items, resourceVersion) = await api.ListAsync("ph-a", TestContext.Current.CancellationToken);

        // Then the list and its resourceVersion are read as served, without the conversion mark
        Assert.Equal("1050", resourceVersion);
        var slice = Assert.Single(items);
        Assert.Equal("zone-a", slice.Endpoints.Single().Zone);
        Assert.Null(slice.Metadata.Annotations);
    }
}
