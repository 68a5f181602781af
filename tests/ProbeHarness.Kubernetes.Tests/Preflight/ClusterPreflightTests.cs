using ProbeHarness.Kubernetes.Preflight;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Preflight;

public sealed class ClusterPreflightTests : IAsyncLifetime
{
    private StubApiServer _stub = null!;

    public async ValueTask InitializeAsync() => _stub = await StubApiServer.StartAsync();

    public async ValueTask DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Waits_until_a_node_is_ready()
    {
        // Given a node that is NotReady twice, then Ready
        _stub.On("GET", "/api/v1/nodes", StubResponse.File("nodes-notready.json"), StubResponse.File("nodes-notready.json"), StubResponse.File("nodes-ready.json"));
        using var connection = _stub.Connect();

        // When the preflight waits for a Ready node
        var node = await ClusterPreflight.WaitForReadyNodeAsync(connection, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        // Then the Ready node is returned after three polls
        Assert.Equal("k3s-node-1", node.Metadata.Name);
        Assert.Equal(3, _stub.RequestsTo("GET", "/api/v1/nodes").Count);
    }

    [Fact]
    public async Task A_node_that_stays_not_ready_times_out_listing_the_nodes()
    {
        // Given a node that never becomes Ready
        _stub.On("GET", "/api/v1/nodes", StubResponse.File("nodes-notready.json"));
        using var connection = _stub.Connect();

        // When the preflight waits briefly
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            ClusterPreflight.WaitForReadyNodeAsync(connection, TimeSpan.FromMilliseconds(1500), TestContext.Current.CancellationToken));

        // Then the message lists the node and its Ready status
        Assert.StartsWith("a Ready node did not happen within 1.5 s", error.Message);
        Assert.EndsWith("last seen: k3s-node-1 Ready=False.", error.Message);
    }

    [Fact]
    public async Task Waits_for_coredns_in_kube_system_by_its_label()
    {
        // Given no CoreDNS pod at first, then a Ready one
        _stub.On("GET", "/api/v1/namespaces/kube-system/pods",
            StubResponse.Json("""{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[]}"""),
            StubResponse.File("coredns.json"));
        using var connection = _stub.Connect();

        // When the preflight waits for CoreDNS
        var pod = await ClusterPreflight.WaitForCoreDnsAsync(connection, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        // Then it asked with the kube-dns label and returns the Ready pod
        Assert.Equal("coredns-6799fbcd5-qx8vm", pod.Metadata.Name);
        Assert.All(_stub.RequestsTo("GET", "/api/v1/namespaces/kube-system/pods"), request => Assert.Equal("k8s-app=kube-dns", request.Query["labelSelector"]));
    }
}
