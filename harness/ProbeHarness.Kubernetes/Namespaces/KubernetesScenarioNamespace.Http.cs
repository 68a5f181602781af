using ProbeHarness.Kubernetes.Api;

namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>HTTP to pods and Services through the API server's proxy.</summary>
public sealed partial class KubernetesScenarioNamespace
{
    /// <inheritdoc />
    /// <remarks>Sent once, never retried: a fault-injection POST must not happen twice, and the app's own errors are the answer.</remarks>
    public Task<HttpResponseMessage> SendToPodAsync(string podName, int port, HttpRequestMessage request, CancellationToken cancellationToken) =>
        _context.Connection.Proxy.SendAsync(ApiServerProxy.PodPath(Name, podName, port), request, cancellationToken);

    /// <inheritdoc />
    public Task<HttpResponseMessage> SendToServiceAsync(string serviceName, int port, HttpRequestMessage request, CancellationToken cancellationToken) =>
        _context.Connection.Proxy.SendAsync(ApiServerProxy.ServicePath(Name, serviceName, port), request, cancellationToken);
}
