using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ProbeHarness.Emulated.Services;

/// <summary>
/// One Service port on loopback: forwards every HTTP request to a <b>ready</b> endpoint (round robin over the EndpointSlice's
/// <c>ready</c> endpoints) and answers 503 when there is none, so "no request reaches an unready pod" can be measured.
/// </summary>
/// <remarks>kube-proxy balances per connection; this proxy balances per request, so keep-alive clients do not pin a pod.</remarks>
public sealed class EmulatedServiceProxy : IAsyncDisposable
{
    /// <summary>The response header naming the pod that served a request.</summary>
    public const string EndpointHeader = "X-Emulated-Endpoint";

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Host",
    };

    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _forwarder;
    private IReadOnlyList<ProxyEndpoint> _endpoints = [];
    private int _next;

    private EmulatedServiceProxy(string service, int servicePort, WebApplication app, HttpMessageInvoker forwarder)
    {
        Service = service;
        ServicePort = servicePort;
        _app = app;
        _forwarder = forwarder;
    }

    /// <summary>The Service, as <c>namespace/name</c>.</summary>
    public string Service { get; }

    /// <summary>The Service port this proxy stands for.</summary>
    public int ServicePort { get; }

    /// <summary>Where the proxy listens (the Service's loopback address; the Service port when it could be bound).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The ready endpoints requests go to now.</summary>
    public IReadOnlyList<ProxyEndpoint> Endpoints => Volatile.Read(ref _endpoints);

    /// <summary>Starts a proxy on <paramref name="address"/>:<paramref name="servicePort"/>, or on a free port of that address when the port cannot be bound.</summary>
    public static async Task<EmulatedServiceProxy> StartAsync(string service, string address, int servicePort, CancellationToken cancellationToken)
    {
        try
        {
            return await StartOnAsync(service, address, servicePort, servicePort, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            // Ports below 1024 need root; any free port of the Service's own address will do.
            return await StartOnAsync(service, address, servicePort, 0, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Replaces the ready endpoints (called on every EndpointSlice change).</summary>
    public void SetEndpoints(IReadOnlyList<ProxyEndpoint> endpoints) => Volatile.Write(ref _endpoints, endpoints);

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _forwarder.Dispose();
    }

    private static async Task<EmulatedServiceProxy> StartOnAsync(string service, string address, int servicePort, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(address), port, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        var app = builder.Build();
        var forwarder = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        });
        var proxy = new EmulatedServiceProxy(service, servicePort, app, forwarder);
        app.Run(proxy.ForwardAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            forwarder.Dispose();
            throw;
        }

        proxy.Address = new Uri(app.Urls.First());
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var endpoints = Endpoints;
        if (endpoints.Count == 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable,
                $"no ready endpoint for service {Service} port {ServicePort} (emulated service proxy: the EndpointSlice lists no endpoint with ready=true)").ConfigureAwait(false);
            return;
        }

        var endpoint = endpoints[(int)((uint)Interlocked.Increment(ref _next) % (uint)endpoints.Count)];
        using var request = CreateForward(context.Request, endpoint);
        HttpResponseMessage response;
        try
        {
            response = await _forwarder.SendAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            await WriteErrorAsync(context, StatusCodes.Status502BadGateway,
                $"endpoint {endpoint.PodName} ({endpoint.Address}:{endpoint.Port}) of service {Service} failed: {e.Message} (emulated service proxy)").ConfigureAwait(false);
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(name))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            context.Response.Headers[EndpointHeader] = endpoint.PodName;
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static HttpRequestMessage CreateForward(HttpRequest incoming, ProxyEndpoint endpoint)
    {
        var target = new Uri($"http://{endpoint.Address}:{endpoint.Port}{incoming.PathBase}{incoming.Path}{incoming.QueryString}");
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), target);
        if (incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(incoming.Body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        return request;
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }
}
