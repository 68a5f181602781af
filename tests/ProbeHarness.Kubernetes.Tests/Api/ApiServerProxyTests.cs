using ProbeHarness.Kubernetes.Api;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Api;

public sealed class ApiServerProxyTests
{
    [Fact]
    public void Builds_pod_and_service_proxy_paths()
    {
        // Given a namespace, a pod, a Service and ports
        // When the proxy paths are built
        // Then they follow the API server's proxy subresources
        Assert.Equal("api/v1/namespaces/ph-a/pods/app-1:8080/proxy/", ApiServerProxy.PodPath("ph-a", "app-1", 8080));
        Assert.Equal("api/v1/namespaces/ph-a/services/target-app:80/proxy/", ApiServerProxy.ServicePath("ph-a", "target-app", 80));
    }

    [Theory]
    [InlineData("https://k3s:6443", "/fault/liveness?failures=3", "https://k3s:6443/api/v1/namespaces/ns/pods/p:8080/proxy/fault/liveness?failures=3")]
    [InlineData("https://k3s:6443/", "healthz", "https://k3s:6443/api/v1/namespaces/ns/pods/p:8080/proxy/healthz")]
    [InlineData("https://rancher.example/k8s/clusters/c-1", "/", "https://rancher.example/k8s/clusters/c-1/api/v1/namespaces/ns/pods/p:8080/proxy/")]
    public void Resolves_relative_uris_under_the_api_server(string apiServer, string relative, string expected)
    {
        // Given an API server address, possibly with a path, and a request's relative URI
        // When it is resolved under the pod proxy
        var uri = ApiServerProxy.Resolve(new Uri(apiServer), ApiServerProxy.PodPath("ns", "p", 8080), new Uri(relative, UriKind.Relative));

        // Then the query is kept and the API server's own path too
        Assert.Equal(expected, uri.ToString());
    }

    [Fact]
    public void Rejects_absolute_uris()
    {
        // Given an absolute URI
        // When it is resolved
        var error = Assert.Throws<ArgumentException>(() =>
            ApiServerProxy.Resolve(new Uri("https://k3s:6443"), "api/v1/", new Uri("http://10.42.0.9:8080/healthz")));

        // Then the message says a relative URI is needed
        Assert.StartsWith("Requests through the API server proxy take a relative URI, not http://10.42.0.9:8080/healthz.", error.Message);
    }

    [Fact]
    public async Task Sends_the_tls_server_name_as_host_like_the_client_does()
    {
        // Given a connection whose kubeconfig pins tls-server-name
        await using var stub = await StubApiServer.StartAsync();
        stub.On("PUT", "/api/v1/namespaces/ns/pods/p:8080/proxy/fault/readiness", new StubResponse(204, string.Empty));
        using var connection = stub.Connect(tlsServerName: "kubernetes");

        // When a PUT with a body is proxied
        using var response = await connection.Proxy.SendAsync(
            ApiServerProxy.PodPath("ns", "p", 8080),
            new HttpRequestMessage(HttpMethod.Put, "fault/readiness") { Content = new StringContent("fail") },
            TestContext.Current.CancellationToken);

        // Then Host is the pinned name, and the body and token arrived
        var request = Assert.Single(stub.RequestsTo("PUT", "/api/v1/namespaces/ns/pods/p:8080/proxy/fault/readiness"));
        Assert.Equal("kubernetes", request.Headers["Host"]);
        Assert.Equal("fail", request.Body);
        Assert.Equal("Bearer stub-token", request.Headers["Authorization"]);
    }
}
