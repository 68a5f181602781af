using System.Diagnostics;
using System.Net.Sockets;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Lifecycle;
using ProbeHarness.TargetApp.Logging;

namespace ProbeHarness.TargetApp;

/// <summary>The process from start to exit code: settings, initial faults, signals, listen delay, serving, graceful stop.</summary>
public static class TargetAppRunner
{
    /// <summary>Runs the app and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(Func<string, string?> environment, TimeProvider time, TextWriter output, TextWriter error)
    {
        var lifecycle = InstanceLifecycle.StartNew(time.GetUtcNow());
        var log = new JsonLineLog(lifecycle.InstanceId, output);

        TargetAppSettings settings;
        InitialFaults initial;
        FaultStateFile? stateFile;
        try
        {
            settings = TargetAppSettings.FromEnvironment(environment);
            stateFile = settings.FaultStateDirectory is { } directory ? new FaultStateFile(directory) : null;
            initial = InitialFaults.Load(settings, stateFile, lifecycle.StartedAt);
        }
        catch (SettingsException exception)
        {
            return Fatal(log, error, ExitCodes.BadSettings, exception.Variable, exception.Message);
        }

        var board = new FaultBoard(initial.Snapshot, stateFile, time);
        if (initial.Source == "FAULTS_AT_START")
        {
            // Persist at once so the absolute fault times survive a restart that comes before any API call.
            board.Apply(state => state);
        }

        RemoveStaleHealthFile(settings.HealthFile);
        using var signals = new TerminationSignals(settings, lifecycle, log, time);
        log.Write("start", json =>
        {
            json.WriteNumber("pid", Environment.ProcessId);
            json.WriteString("faultsSource", initial.Source);
            json.WriteStartObject("settings");
            settings.WriteTo(json);
            json.WriteEndObject();
        });

        if (settings.ListenDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(settings.ListenDelay, time, signals.StopRequested);
            }
            catch (OperationCanceledException)
            {
                return Stopped(log, settings.StopExitCode);
            }
        }

        await using var app = TargetAppBuilder.Build(settings, lifecycle, log, board, time);
        lifecycle.MarkListening(time.GetUtcNow());
        try
        {
            await app.StartAsync(signals.StopRequested);
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            return Fatal(log, error, ExitCodes.ListenFailed, "listen", exception.Message);
        }
        catch (OperationCanceledException)
        {
            await app.StopAsync(CancellationToken.None);
            return Stopped(log, settings.StopExitCode);
        }

        log.Write("listening", json =>
        {
            json.WriteString("bindAddress", settings.BindAddress.ToString());
            json.WriteNumber("port", settings.HttpPort);
            json.WriteNumber("tcpPort", settings.TcpPort);
            json.WriteNumber("grpcPort", settings.GrpcPort);
            json.WriteNumber("msSinceProcessStart", Math.Round(SinceProcessStart().TotalMilliseconds));
        });

        await app.WaitForShutdownAsync(signals.StopRequested);
        return Stopped(log, settings.StopExitCode);
    }

    private static int Stopped(JsonLineLog log, int exitCode)
    {
        log.Write("exit", json =>
        {
            json.WriteString("reason", "graceful stop");
            json.WriteNumber("exitCode", exitCode);
        });
        return exitCode;
    }

    private static int Fatal(JsonLineLog log, TextWriter error, int exitCode, string subject, string message)
    {
        error.WriteLine($"target-app: {message}");
        log.Write("exit", json =>
        {
            json.WriteString("reason", "fatal");
            json.WriteString("subject", subject);
            json.WriteString("message", message);
            json.WriteNumber("exitCode", exitCode);
        });
        return exitCode;
    }

    private static void RemoveStaleHealthFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The health file sync reports file problems once it runs.
        }
    }

    private static TimeSpan SinceProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return DateTime.Now - process.StartTime;
    }
}
