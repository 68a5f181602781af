using System.Net.Sockets;

namespace ProbeHarness.TargetApp.Tests.Support;

/// <summary>A target app as "the app", a proxy in front of it (liveness over HTTP, readiness over TCP, startup over gRPC) and a proxy in front of a closed port (xunit class fixture).</summary>
/// <remarks>Tests reset both fault states first (<see cref="ResetAsync"/>), so they may leave faults behind.</remarks>
public sealed class ProxiedTargetApp : IAsyncLifetime
{
    private TargetAppProcess? _app;
    private TargetAppProcess? _proxy;
    private TargetAppProcess? _deadProxy;

    /// <summary>The app itself (normal mode), probed directly.</summary>
    public TargetAppProcess App => _app ?? throw new InvalidOperationException("not started");

    /// <summary>The proxy in front of <see cref="App"/>.</summary>
    public TargetAppProcess Proxy => _proxy ?? throw new InvalidOperationException("not started");

    /// <summary>A proxy whose routes all lead to <see cref="ClosedPort"/>.</summary>
    public TargetAppProcess DeadProxy => _deadProxy ?? throw new InvalidOperationException("not started");

    /// <summary>The proxy's liveness route: HTTP to the app's HTTP port.</summary>
    public int HttpRoutePort { get; private set; }

    /// <summary>The proxy's readiness route: TCP to the app's TCP port.</summary>
    public int TcpRoutePort { get; private set; }

    /// <summary>The proxy's startup route: gRPC to the app's gRPC port.</summary>
    public int GrpcRoutePort { get; private set; }

    /// <summary>The dead proxy's HTTP, TCP and gRPC route ports.</summary>
    public (int Http, int Tcp, int Grpc) DeadRoutePorts { get; private set; }

    /// <summary>A loopback port nothing listens on.</summary>
    public int ClosedPort { get; private set; }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _app = await TargetAppProcess.StartAsync();
        var ports = FreePorts.Take(7);
        (HttpRoutePort, TcpRoutePort, GrpcRoutePort) = (ports[0], ports[1], ports[2]);
        DeadRoutePorts = (ports[3], ports[4], ports[5]);
        ClosedPort = ports[6];
        _proxy = await StartProxyAsync(
            $"liveness:http:{HttpRoutePort}:{App.HttpPort},readiness:tcp:{TcpRoutePort}:{App.TcpPort},startup:grpc:{GrpcRoutePort}:{App.GrpcPort}");
        _deadProxy = await StartProxyAsync(
            $"liveness:http:{DeadRoutePorts.Http}:{ClosedPort},readiness:tcp:{DeadRoutePorts.Tcp}:{ClosedPort},startup:grpc:{DeadRoutePorts.Grpc}:{ClosedPort}");
    }

    /// <summary>Starts a proxy (target app with <c>PROXY_ROUTES</c>) and waits until it listens.</summary>
    public static Task<TargetAppProcess> StartProxyAsync(string routes, IReadOnlyDictionary<string, string?>? more = null)
    {
        // The routes' ports were free when picked but are not held: the proxy's own ports must not be handed out again
        // (a fresh clone's loaded run got PORT equal to a route's listen port, which the proxy rightly refuses).
        var taken = routes.Split(',', ':').Select(word => int.TryParse(word, out var port) ? port : 0).ToHashSet();
        var own = new List<int>();
        while (own.Count < 3)
        {
            own.AddRange(FreePorts.Take(3 - own.Count).Where(port => !taken.Contains(port) && !own.Contains(port)));
        }

        var environment = new Dictionary<string, string?>
        {
            ["PROXY_ROUTES"] = routes,
            ["PORT"] = own[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TCP_PORT"] = own[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GRPC_PORT"] = own[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in more ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return TargetAppProcess.StartAsync(environment);
    }

    /// <summary>Clears the faults of the app and the proxy and waits until the proxy's TCP route mirrors the open app port again.</summary>
    public async Task ResetAsync()
    {
        var token = TestContext.Current.CancellationToken;
        using (await App.Http.DeleteAsync("/faults", token))
        using (await Proxy.Http.DeleteAsync("/faults", token))
        {
        }

        await Poll.UntilAsync(() => TargetAppProcess.IsAcceptingAsync(TcpRoutePort), TimeSpan.FromSeconds(20), "the proxy's TCP route to open");
    }

    /// <summary>Whether a TCP connect to <paramref name="port"/> is refused right now (rather than accepted).</summary>
    public static async Task<bool> IsRefusedAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, TestContext.Current.CancellationToken);
            return false;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { _deadProxy, _proxy, _app })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }
    }
}
