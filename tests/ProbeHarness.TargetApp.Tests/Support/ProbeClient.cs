using System.Net.Http.Headers;

namespace ProbeHarness.TargetApp.Tests.Support;

/// <summary>Probes like the kubelet's httpGet prober: a fresh connection per probe (<c>Connection: close</c>), no redirects followed, <c>kube-probe</c> user agent.</summary>
public sealed class ProbeClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates a client whose probes give up after <paramref name="timeout"/> (default 10 s); <paramref name="freshConnections"/> false keeps connections alive instead.</summary>
    public ProbeClient(TimeSpan? timeout = null, bool freshConnections = true)
    {
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        };
        _http.DefaultRequestHeaders.ConnectionClose = freshConnections;
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("kube-probe", "1.32"));
    }

    /// <summary>The outcome of <c>GET http://127.0.0.1:<paramref name="port"/><paramref name="path"/></c>: status, Location, content type and body, or <c>connection error</c>.</summary>
    public async Task<string> ProbeAsync(int port, string path)
    {
        try
        {
            using var response = await _http.GetAsync($"http://127.0.0.1:{port}{path}", TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return $"{(int)response.StatusCode} location={response.Headers.Location} type={response.Content.Headers.ContentType} body={body}";
        }
        catch (HttpRequestException)
        {
            // The kubelet reports refused, reset and EOF alike: the probe failed for want of an answer.
            return "connection error";
        }
    }

    /// <summary>Sends one probe and returns the raw response (for timing; the caller disposes it).</summary>
    public Task<HttpResponseMessage> GetAsync(int port, string path, CancellationToken cancellationToken) =>
        _http.GetAsync($"http://127.0.0.1:{port}{path}", cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
