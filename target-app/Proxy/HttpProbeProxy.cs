using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http.Features;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Probes;

namespace ProbeHarness.TargetApp.Proxy;

/// <summary>An HTTP route: every request on its listener is a probe of the route's kind; the fault answers it, or it is forwarded to the app unchanged.</summary>
/// <remarks>
/// No redirect is followed and no timeout is added (the kubelet's own timeout closes its connection, which aborts the forwarded
/// request); when the app refuses or drops the connection, the client's connection is aborted too, so the kubelet sees a
/// connection error rather than a 502.
/// </remarks>
public sealed class HttpProbeProxy : IDisposable
{
    // RFC 9110 §7.6.1: meaningful for one connection only; the handler and Kestrel manage their own.
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    };

    private static readonly UriCreationOptions VerbatimPath = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly ProbeEvaluator _evaluator;
    private readonly JsonLineLog _log;
    private readonly AppEventLog _events;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly string _appHost;
    private readonly HttpMessageInvoker _upstream;

    /// <summary>Creates the proxy for every HTTP route, with one shared connection pool to the app.</summary>
    public HttpProbeProxy(ProbeEvaluator evaluator, JsonLineLog log, AppEventLog events, IHostApplicationLifetime lifetime, TargetAppSettings settings)
    {
        _evaluator = evaluator;
        _log = log;
        _events = events;
        _lifetime = lifetime;
        var host = settings.Proxy?.AppHost ?? "127.0.0.1";
        _appHost = IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
        // A kubelet probe says "Connection: close", which is forwarded, so the app sees a fresh connection per probe as it
        // would without the proxy; other clients reuse pooled connections. No proxy, cookies, decompression or trace headers.
        _upstream = new HttpMessageInvoker(
            new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                ActivityHeadersPropagator = null,
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
            },
            disposeHandler: true);
    }

    /// <inheritdoc />
    public void Dispose() => _upstream.Dispose();

    /// <summary>Answers one probe request that arrived on <paramref name="route"/>'s listener.</summary>
    public async Task HandleAsync(HttpContext context, ProxyRoute route)
    {
        var receivedAt = _events.Now();
        var started = Stopwatch.GetTimestamp();
        var verdict = _evaluator.Evaluate(route.Probe);
        var reason = verdict.Reason;
        ProxiedAnswer answer = new("aborted", false, null, AbortedBy: "client");
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _lifetime.ApplicationStopping);
        try
        {
            await verdict.WaitAsync(giveUp.Token);

            if (verdict.Action == ProbeAction.Redirect || !verdict.IsHealthy)
            {
                // The fault (or the app's own start-time rules) decides: answered exactly as the target app answers it.
                var sendingAt = _events.Now();
                await ProbeAnswer.WriteAsync(context, route.Probe, verdict);
                answer = new ProxiedAnswer("answered", verdict.IsHealthy, null, verdict.StatusCode, sendingAt);
            }
            else
            {
                reason = Forwarded(verdict.Reason);
                (answer, var problem) = await ForwardAsync(context, route, giveUp.Token);
                reason = problem is null ? reason : $"{reason}: {problem}";
            }
        }
        catch (OperationCanceledException)
        {
            answer = Aborted(context, answer.UpstreamMs);
        }
        finally
        {
            var at = _events.Now();
            var path = context.Request.Path.Value ?? "/";
            _events.ProxiedProbeAnswered(at, path, route.Probe, context.Request.Headers.UserAgent.ToString(), receivedAt, answer, reason, started);
            ProbeLogLine.Write(_log, route.Probe.Name(), context, answer.Status, reason, started);
        }
    }

    private async Task<(ProxiedAnswer Answer, string? Problem)> ForwardAsync(HttpContext context, ProxyRoute route, CancellationToken giveUp)
    {
        var upstreamStarted = Stopwatch.GetTimestamp();
        double UpstreamMs() => Stopwatch.GetElapsedTime(upstreamStarted).TotalMilliseconds;
        using var request = UpstreamRequest(context, route);
        HttpResponseMessage response;
        try
        {
            response = await _upstream.SendAsync(request, giveUp);
        }
        catch (HttpRequestException exception) when (!giveUp.IsCancellationRequested)
        {
            var refused = exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
            context.Abort();
            return (new ProxiedAnswer(refused ? "refused" : "reset", false, UpstreamMs(), AbortedBy: "app"),
                $"the app at {request.RequestUri?.Authority} {(refused ? "refused the connection" : "failed")} ({exception.Message})");
        }
        catch (OperationCanceledException)
        {
            // The client gave up (its timeout) or the proxy stops: cancelling the send aborted the app's request too.
            return (Aborted(context, UpstreamMs()), null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            context.Response.StatusCode = status;
            CopyHeaders(response.Headers, context.Response.Headers);
            CopyHeaders(response.Content.Headers, context.Response.Headers);
            var sendingAt = _events.Now();
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(giveUp);
                await body.CopyToAsync(context.Response.Body, giveUp);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException && !giveUp.IsCancellationRequested)
            {
                context.Abort();
                return (new ProxiedAnswer("reset", false, UpstreamMs(), AbortedBy: "app"), $"the app's answer broke off ({exception.Message})");
            }
            catch (OperationCanceledException)
            {
                return (Aborted(context, UpstreamMs()), null);
            }

            return (new ProxiedAnswer("answered", status is >= 200 and < 400, UpstreamMs(), status, sendingAt), null);
        }
    }

    private HttpRequestMessage UpstreamRequest(HttpContext context, ProxyRoute route)
    {
        var incoming = context.Request;
        // The raw target keeps the client's own encoding of path and query; an absolute-form target falls back to the parsed one.
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw[0] == '/'
            ? raw
            : $"{incoming.PathBase}{incoming.Path}{incoming.QueryString}";
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri($"http://{_appHost}:{route.AppPort}{target}", in VerbatimPath));
        if (incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(incoming.Body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHop.Contains(name) || string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        if (incoming.Headers.Connection.Any(value => value?.Contains("close", StringComparison.OrdinalIgnoreCase) == true))
        {
            request.Headers.ConnectionClose = true;
        }

        // The kubelet's Host names the probed address, now the proxy's port: only that port is put back to the app's.
        var host = incoming.Host;
        if (host.HasValue)
        {
            request.Headers.Host = host.Port == route.ListenPort ? $"{host.Host}:{route.AppPort}" : host.Value;
        }

        return request;
    }

    private static void CopyHeaders(System.Net.Http.Headers.HttpHeaders from, IHeaderDictionary to)
    {
        foreach (var (name, values) in from)
        {
            if (!HopByHop.Contains(name))
            {
                to[name] = values.ToArray();
            }
        }
    }

    private ProxiedAnswer Aborted(HttpContext context, double? upstreamMs)
    {
        var abortedBy = context.RequestAborted.IsCancellationRequested ? "client" : "shutdown";
        context.Abort();
        return new ProxiedAnswer("aborted", false, upstreamMs, AbortedBy: abortedBy);
    }

    // "ok" → "forwarded"; "fault:slow, ok" → "fault:slow, forwarded": the app, not the proxy, decided the rest.
    private static string Forwarded(string reason) =>
        reason == "ok" ? "forwarded" : reason.EndsWith(", ok", StringComparison.Ordinal) ? $"{reason[..^2]}forwarded" : $"{reason}, forwarded";
}
