using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProbeHarness.Emulated.Tests.Support;

/// <summary>A tiny Kestrel server on its own loopback address that records every request it answers.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, string address, int port)
    {
        _app = app;
        Address = address;
        Port = port;
    }

    public string Address { get; }

    public int Port { get; }

    /// <summary>Path and headers (copied: Kestrel reuses its own) of every request, in arrival order.</summary>
    public ConcurrentQueue<(string Path, IReadOnlyDictionary<string, string> Headers)> Requests { get; } = new();

    /// <summary>Starts a server answering HTTP/1.1 with <paramref name="handler"/>.</summary>
    public static Task<LoopbackServer> StartAsync(RequestDelegate handler) =>
        StartAsync(HttpProtocols.Http1, app => app.Run(handler), _ => { });

    /// <summary>Starts a server with its own protocols, services and routes (e.g. gRPC over h2c).</summary>
    public static async Task<LoopbackServer> StartAsync(HttpProtocols protocols, Action<WebApplication> map, Action<IServiceCollection> services)
    {
        var address = TestAddresses.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(address), 0, listen => listen.Protocols = protocols));
        builder.Logging.ClearProviders();
        services(builder.Services);
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Use(async (context, next) =>
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            server!.Requests.Enqueue((context.Request.Path + context.Request.QueryString, headers));
            await next(context);
        });
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        server = new LoopbackServer(app, address, new Uri(app.Urls.First()).Port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
