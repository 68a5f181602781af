using Microsoft.AspNetCore.Server.Kestrel.Core;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Files;
using ProbeHarness.TargetApp.Grpc;
using ProbeHarness.TargetApp.Lifecycle;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Memory;
using ProbeHarness.TargetApp.Probes;
using ProbeHarness.TargetApp.Proxy;
using ProbeHarness.TargetApp.Tcp;
using ProbeHarness.TargetApp.Work;

namespace ProbeHarness.TargetApp;

/// <summary>Builds the web application: listeners on <c>BIND_ADDRESS</c>, services and routes.</summary>
public static class TargetAppBuilder
{
    /// <summary>How long a graceful stop may take before open requests are cut off.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    // The host's own switch for configuration reload (Microsoft.Extensions.Hosting).
    private const string ReloadConfigOnChangeKey = "hostBuilder:reloadConfigOnChange";

    /// <summary>Creates the (not yet started) application around the already-created shared state.</summary>
    public static WebApplication Build(
        TargetAppSettings settings, InstanceLifecycle lifecycle, JsonLineLog log, AppEventLog events, FaultBoard board, TimeProvider time)
    {
        // No configuration reload: it watches appsettings files with one inotify instance per process, and hosts
        // running many target apps at once run out of them (128 per user by default), killing apps at start.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [$"--{ReloadConfigOnChangeKey}=false"] });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(settings.BindAddress, settings.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
            if (settings.Proxy is { } proxy)
            {
                // Proxy mode: the app's own TCP_PORT and GRPC_PORT stay closed (the app next door may use those numbers);
                // TCP routes open and close with the app's port (TcpProbeMirror), outside Kestrel.
                foreach (var route in proxy.Routes.Where(route => route.Protocol != ProxyProtocol.Tcp))
                {
                    kestrel.Listen(settings.BindAddress, route.ListenPort, listen =>
                        listen.Protocols = route.Protocol == ProxyProtocol.Grpc ? HttpProtocols.Http2 : HttpProtocols.Http1);
                }

                return;
            }

            // gRPC without TLS needs HTTP/2 with prior knowledge (h2c), as the kubelet's grpc prober speaks it.
            kestrel.Listen(settings.BindAddress, settings.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            options.JsonWriterOptions = JsonOutput.WriterOptions;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton<IHostLifetime, SignalFreeHostLifetime>();
        services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        services.AddSingleton(settings);
        services.AddSingleton(lifecycle);
        services.AddSingleton(log);
        services.AddSingleton(events);
        services.AddSingleton(board);
        services.AddSingleton(time);
        services.AddSingleton<ProbeEvaluator>();
        services.AddSingleton(settings.LeakLimits);
        services.AddSingleton<MemoryBallast>();
        services.AddSingleton<ProcessExit>();
        services.AddSingleton<FaultApiHandler>();
        services.AddHostedService<FaultWindowEvents>();
        services.AddGrpc();
        if (settings.Proxy is { } proxySettings)
        {
            AddProxyServices(services, proxySettings);
        }
        else
        {
            services.AddSingleton<ProbeRequestHandler>();
            services.AddSingleton<WorkRequestHandler>();
            services.AddHostedService<TcpProbeListener>();
            services.AddHostedService<HealthFileSync>();
            services.AddHostedService<MemoryFileWriter>();
        }

        var app = builder.Build();
        if (settings.Proxy is { } routes)
        {
            MapProxyRoutes(app, routes);
        }
        else
        {
            MapProbeRoutes(app);
        }

        MapFaultRoutes(app, settings);
        return app;
    }

    // Lambdas with an untyped HttpContext bind to the RequestDelegate overloads, which skip the reflection-based
    // request delegate factory and so keep start-up cheap.
    private static void MapProbeRoutes(WebApplication app)
    {
        var probes = app.Services.GetRequiredService<ProbeRequestHandler>();
        var work = app.Services.GetRequiredService<WorkRequestHandler>();
        app.MapGet("/", context => work.HandleAsync(context));
        app.MapGet("/healthz", context => probes.HandleAsync(context, ProbeKind.Liveness));
        app.MapGet("/readyz", context => probes.HandleAsync(context, ProbeKind.Readiness));
        app.MapGet("/startupz", context => probes.HandleAsync(context, ProbeKind.Startup));
        app.MapGet("/healthz-target", context => probes.HandleRedirectTargetAsync(context));
        app.MapGrpcService<GrpcHealthService>();
    }

    // Proxy mode: no health or memory files (the app has its own file system), no probe endpoints of its own.
    private static void AddProxyServices(IServiceCollection services, ProxySettings proxy)
    {
        services.AddSingleton(provider => new AppProcessControl(ProcAppProcessFinder.For(proxy.AppHost), proxy.SignalPorts, provider.GetRequiredService<AppEventLog>()));
        services.AddSingleton<HttpProbeProxy>();
        services.AddSingleton<GrpcProbeProxy>();
        if (proxy.ExecFaultDirectory is not null)
        {
            services.AddHostedService<ExecFaultFiles>();
        }

        foreach (var route in proxy.Routes.Where(route => route.Protocol == ProxyProtocol.Tcp))
        {
            // AddSingleton, not AddHostedService: the latter keeps one registration per type, and each route needs its own.
            services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<TcpProbeMirror>(provider, route));
        }
    }

    // Every request on an HTTP route's listener is that probe kind's probe, whatever its method and path.
    private static void MapProxyRoutes(WebApplication app, ProxySettings proxy)
    {
        var http = app.Services.GetRequiredService<HttpProbeProxy>();
        app.Use(next => context => proxy.RouteOn(context.Connection.LocalPort) is { Protocol: ProxyProtocol.Http } route
            ? http.HandleAsync(context, route)
            : next(context));
        app.MapGrpcService<GrpcProbeProxy>();
    }

    private static void MapFaultRoutes(WebApplication app, TargetAppSettings settings)
    {
        if (!settings.FaultsEnabled)
        {
            return;
        }

        var faults = app.Services.GetRequiredService<FaultApiHandler>();
        app.MapGet("/faults", context => faults.GetAsync(context));
        app.MapDelete("/faults", context => faults.ResetAsync(context));
        app.MapPut("/faults/{target}", context => faults.PutAsync(context, (string)context.Request.RouteValues["target"]!));
        app.MapPost("/faults/crash", context => faults.CrashAsync(context));
        app.MapPost("/faults/leak", context => faults.LeakAsync(context));
    }
}
