using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OwnApp.Lifecycle;
using OwnApp.Tcp;

namespace OwnApp;

/// <summary>The process from start to exit code: settings, signals, listening, graceful stop.</summary>
public static class OwnAppRunner
{
    /// <summary>Runs the service and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(Func<string, string?> environment, TimeProvider time, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var events = new EventLog(output, time);
        OwnAppSettings settings;
        try
        {
            settings = OwnAppSettings.FromEnvironment(environment);
        }
        catch (SettingsException e)
        {
            await error.WriteLineAsync($"own-app: {e.Message}");
            events.Exited(ExitCodes.BadSettings, "bad setting", e.Variable, e.Message);
            return ExitCodes.BadSettings;
        }

        // Registered before the host starts, so a SIGTERM during start-up or the listen delay is graceful too.
        using var signals = new ShutdownSignals(events);
        await using var app = OwnAppBuilder.Build(settings, time);
        try
        {
            await app.StartAsync(signals.StopRequested);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            return ListenFailed(events, error, $"PORT {settings.HttpPort} on {settings.BindAddress}: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            await app.StopAsync(CancellationToken.None);
            events.Exited(ExitCodes.Stopped, "stopped while starting");
            return ExitCodes.Stopped;
        }

        events.Started(settings, BoundHttpPort(app) ?? settings.HttpPort);
        // Returns on SIGTERM/SIGINT or when the TCP listener gave up; stops Kestrel gracefully (in-flight requests finish).
        await app.WaitForShutdownAsync(signals.StopRequested);
        if (app.Services.GetRequiredService<TcpAcceptListener>().Failure is { } failure)
        {
            return ListenFailed(events, error, failure);
        }

        events.Exited(ExitCodes.Stopped, "graceful stop");
        return ExitCodes.Stopped;
    }

    private static int ListenFailed(EventLog events, TextWriter error, string message)
    {
        error.WriteLine($"own-app: cannot listen: {message}");
        events.Exited(ExitCodes.ListenFailed, "listen failed", message: message);
        return ExitCodes.ListenFailed;
    }

    private static int? BoundHttpPort(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(address => Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.Port : (int?)null)
            .FirstOrDefault(port => port is not null);
}
