using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using k8s.Models;
using ProbeHarness.Kubelet;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Probing;

/// <summary>HTTP probes (<c>pkg/probe/http</c>): Go's <c>http.Client</c> with the kubelet's transport and redirect rules.</summary>
public sealed partial class EmulatedProbeRunner
{
    private const int MaxRequests = 10;

    private readonly HttpMessageInvoker _http;

    // Kubelet transport: no keep-alive, no compression, no proxy, TLS without verification; redirects are followed by hand.
    private static HttpMessageInvoker CreateHttpInvoker() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.Zero,
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    });

    private async Task<ProbeOutcome> HttpGetAsync(V1HTTPGetAction httpGet, ProbeTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (port, portError) = ProbePorts.Resolve(httpGet.Port, target.Container);
        if (portError is not null)
        {
            return new ProbeOutcome(ProbeResult.Unknown, "", portError);
        }

        var host = string.IsNullOrEmpty(httpGet.Host) ? target.PodIp : httpGet.Host;
        var scheme = string.IsNullOrEmpty(httpGet.Scheme) ? "http" : httpGet.Scheme.ToLowerInvariant();
        var path = httpGet.Path ?? "";
        var shownUrl = $"{scheme}://{GoText.HostPort(host, port)}{(path.Length == 0 || path.StartsWith('/') ? path : "/" + path)}";
        if (!Uri.TryCreate(path.Length == 0 ? shownUrl + "/" : shownUrl, UriKind.Absolute, out var url))
        {
            return new ProbeOutcome(ProbeResult.Unknown, "", $"parse {GoText.Quote(shownUrl)}: invalid URL");
        }

        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var hostHeader = httpGet.HttpHeaders?.LastOrDefault(h => string.Equals(h.Name, "Host", StringComparison.OrdinalIgnoreCase))?.Value;
        HttpResponseMessage? response = null;
        try
        {
            var firstHost = url.Host;
            for (var requests = 1; ; requests++)
            {
                using var request = CreateRequest(url, httpGet.HttpHeaders, hostHeader);
                response = await _http.SendAsync(request, linked.Token).ConfigureAwait(false);

                // redirectChecker(followNonLocalRedirects=false): a redirect to another host ends the chain with the 3xx itself.
                if (RedirectTarget(response, url) is not { } next || !string.Equals(next.Host, firstHost, StringComparison.OrdinalIgnoreCase))
                {
                    break;
                }

                var location = response.Headers.Location!.OriginalString;
                if (requests >= MaxRequests)
                {
                    response.Dispose();
                    return new ProbeOutcome(ProbeResult.Failure, $"Get {GoText.Quote(location)}: stopped after {MaxRequests} redirects");
                }

                // Go keeps a custom Host header only through relative redirects.
                if (response.Headers.Location.IsAbsoluteUri)
                {
                    hostHeader = null;
                }

                response.Dispose();
                shownUrl = next.ToString();
                url = next;
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return new ProbeOutcome(ProbeResult.Failure,
                $"Get {GoText.Quote(shownUrl)}: context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        }
        catch (HttpRequestException e)
        {
            return new ProbeOutcome(ProbeResult.Failure, $"Get {GoText.Quote(shownUrl)}: {TransportError(url, e)}");
        }

        using (response)
        {
            string body;
            try
            {
                body = await ReadBodyAsync(response, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                // ReadAtMost failed: DoHTTPProbe returns the error, so the kubelet discards this result.
                return new ProbeOutcome(ProbeResult.Failure, "", "context deadline exceeded (Client.Timeout or context cancellation while reading body)");
            }
            catch (IOException e)
            {
                return new ProbeOutcome(ProbeResult.Failure, "", e.Message);
            }

            var code = (int)response.StatusCode;
            return code switch
            {
                >= 200 and < 300 => new ProbeOutcome(ProbeResult.Success, body),
                >= 300 and < 400 => new ProbeOutcome(ProbeResult.Warning, RedirectWarning(body)),
                _ => new ProbeOutcome(ProbeResult.Failure, $"HTTP probe failed with statuscode: {code}"),
            };
        }
    }

    // v1.20.2's DoHTTPProbe returns the bare body as the warning; the "Probe terminated redirects" prefix came later (§2).
    private string RedirectWarning(string body) =>
        _profile == KubeletProfile.V120 ? body : $"Probe terminated redirects, Response body: {body}";

    private HttpRequestMessage CreateRequest(Uri url, IList<V1HTTPHeader>? headers, string? hostHeader)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers ?? [])
        {
            names.Add(header.Name);
            if (string.Equals(header.Name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // An empty Accept removes the default; other empty values are sent as they are.
            if (!(string.Equals(header.Name, "Accept", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(header.Value)))
            {
                request.Headers.TryAddWithoutValidation(header.Name, header.Value ?? "");
            }
        }

        if (!names.Contains("User-Agent"))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        }

        if (!names.Contains("Accept"))
        {
            request.Headers.TryAddWithoutValidation("Accept", "*/*");
        }

        if (!string.IsNullOrEmpty(hostHeader))
        {
            request.Headers.Host = hostHeader;
        }

        request.Headers.ConnectionClose = true;
        return request;
    }

    // Go follows 301, 302, 303, 307 and 308 when a Location is given.
    private static Uri? RedirectTarget(HttpResponseMessage response, Uri current)
    {
        var code = (int)response.StatusCode;
        return code is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location : new Uri(current, location)
            : null;
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[BodyLimit];
            var read = 0;
            while (read < BodyLimit)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return Encoding.UTF8.GetString(buffer, 0, read);
        }
    }

    private static string TransportError(Uri url, HttpRequestException error) => error.InnerException switch
    {
        SocketException socket => GoText.DialError(url.Host, url.Port, socket),
        HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } => "EOF",
        IOException { InnerException: SocketException socket } => GoText.DialError(url.Host, url.Port, socket),
        _ => error.Message,
    };
}
