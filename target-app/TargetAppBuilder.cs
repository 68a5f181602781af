using Microsoft.AspNetCore.Server.Kestrel.Core;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Files;
using ProbeHarness.TargetApp.Grpc;
using ProbeHarness.TargetApp.Lifecycle;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Memory;
using ProbeHarness.TargetApp.Probes;
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
        services.AddSingleton<ProbeRequestHandler>();
        services.AddSingleton<WorkRequestHandler>();
        services.AddSingleton<FaultApiHandler>();
        services.AddHostedService<TcpProbeListener>();
        services.AddHostedService<HealthFileSync>();
        services.AddHostedService<FaultWindowEvents>();
        services.AddHostedService<MemoryFileWriter>();
        services.AddGrpc();

        var app = builder.Build();
        MapRoutes(app, settings);
        return app;
    }

    // Lambdas with an untyped HttpContext bind to the RequestDelegate overloads, which skip the reflection-based
    // request delegate factory and so keep start-up cheap.
    private static void MapRoutes(WebApplication app, TargetAppSettings settings)
    {
        var probes = app.Services.GetRequiredService<ProbeRequestHandler>();
        var work = app.Services.GetRequiredService<WorkRequestHandler>();
        app.MapGet("/", context => work.HandleAsync(context));
        app.MapGet("/healthz", context => probes.HandleAsync(context, ProbeKind.Liveness));
        app.MapGet("/readyz", context => probes.HandleAsync(context, ProbeKind.Readiness));
        app.MapGet("/startupz", context => probes.HandleAsync(context, ProbeKind.Startup));
        app.MapGet("/healthz-target", context => probes.HandleRedirectTargetAsync(context));
        app.MapGrpcService<GrpcHealthService>();

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
