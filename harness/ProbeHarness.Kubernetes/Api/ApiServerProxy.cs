namespace ProbeHarness.Kubernetes.Api;

/// <summary>Sends HTTP requests to pods and Services through the API server's proxy, with the client's own credentials.</summary>
/// <remarks>
/// KubernetesClient's <c>Connect*ProxyWithPath</c> calls cannot carry a request body, so requests go through the
/// client's <see cref="HttpClient"/> after <c>Credentials.ProcessHttpRequestAsync</c>, as the client's own calls do.
/// </remarks>
public sealed class ApiServerProxy
{
    private readonly k8s.Kubernetes _client;
    private readonly string? _tlsServerName;
    private readonly TimeSpan _requestTimeout;

    /// <summary>Creates the proxy for one client.</summary>
    /// <param name="client">The client whose base address, credentials and HTTP stack are used.</param>
    /// <param name="tlsServerName">The kubeconfig's <c>tls-server-name</c>, sent as Host as the client does.</param>
    /// <param name="requestTimeout">How long one proxied request may take.</param>
    public ApiServerProxy(k8s.Kubernetes client, string? tlsServerName, TimeSpan requestTimeout)
    {
        _client = client;
        _tlsServerName = tlsServerName;
        _requestTimeout = requestTimeout;
    }

    /// <summary>The proxy path of a pod's port: <c>api/v1/namespaces/{ns}/pods/{pod}:{port}/proxy/</c>.</summary>
    public static string PodPath(string @namespace, string podName, int port) =>
        $"api/v1/namespaces/{@namespace}/pods/{podName}:{port}/proxy/";

    /// <summary>The proxy path of a Service's port: <c>api/v1/namespaces/{ns}/services/{svc}:{port}/proxy/</c>.</summary>
    public static string ServicePath(string @namespace, string serviceName, int port) =>
        $"api/v1/namespaces/{@namespace}/services/{serviceName}:{port}/proxy/";

    /// <summary>The absolute URI of a request's relative URI under a proxy path.</summary>
    /// <exception cref="ArgumentException">The request's URI is absolute.</exception>
    public static Uri Resolve(Uri apiServer, string proxyPath, Uri? relative)
    {
        if (relative is { IsAbsoluteUri: true })
        {
            throw new ArgumentException($"Requests through the API server proxy take a relative URI, not {relative}.", nameof(relative));
        }

        var baseUri = apiServer.AbsoluteUri.EndsWith('/') ? apiServer : new Uri(apiServer.AbsoluteUri + "/");
        return new Uri(baseUri, proxyPath + (relative?.OriginalString ?? string.Empty).TrimStart('/'));
    }

    /// <summary>Sends a request (with any body) to a proxy path; the caller owns the response.</summary>
    public async Task<HttpResponseMessage> SendAsync(string proxyPath, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RequestUri = Resolve(_client.BaseUri, proxyPath, request.RequestUri);
        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrWhiteSpace(_tlsServerName))
        {
            request.Headers.Host = _tlsServerName;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_requestTimeout);
        try
        {
            return await _client.HttpClient.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.Method} {request.RequestUri} got no answer within {_requestTimeout.TotalSeconds:0} s.", exception);
        }
    }
}
