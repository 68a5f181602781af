using Microsoft.AspNetCore.Server.Kestrel.Core;
using OwnApp.Health;
using OwnApp.Lifecycle;
using OwnApp.Orders;
using OwnApp.Tcp;

namespace OwnApp;

/// <summary>Builds the web application: the HTTP listener on <c>BIND_ADDRESS:PORT</c>, the TCP listener, the routes.</summary>
public static class OwnAppBuilder
{
    /// <summary>How long a graceful stop may take before open requests are cut off (well inside a 10 s grace period).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    // The host's own switch for configuration reload (Microsoft.Extensions.Hosting).
    private const string ReloadConfigOnChangeKey = "hostBuilder:reloadConfigOnChange";

    /// <summary>Creates the (not yet started) application; the warm-up clock starts now.</summary>
    public static WebApplication Build(OwnAppSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // No configuration reload: each reload watch costs an inotify instance, and a user may run only 128 of them,
        // which many instances on one host (the emulated backend) would use up.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [$"--{ReloadConfigOnChangeKey}=false"] });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(settings.BindAddress, settings.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            options.JsonWriterOptions = EventLog.WriterOptions;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton<IHostLifetime, SignalFreeHostLifetime>();
        services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        services.AddSingleton(settings);
        services.AddSingleton(time);
        services.AddSingleton(new WarmupGate(time, settings.Warmup));
        services.AddSingleton<OrderBook>();
        services.AddSingleton<TcpAcceptListener>();
        services.AddHostedService(provider => provider.GetRequiredService<TcpAcceptListener>());

        var app = builder.Build();
        HealthEndpoints.Map(app);
        OrderEndpoints.Map(app);
        return app;
    }
}
