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
        var events = new AppEventLog(log, time);
        // First of all, before settings are read (they may stop the process): the instant Main was entered.
        events.ProcessStarted(lifecycle.StartedAt, Environment.ProcessId, ProcessStartTime());

        TargetAppSettings settings;
        InitialFaults initial;
        FaultStateFile? stateFile;
        try
        {
            settings = TargetAppSettings.FromEnvironment(environment);
            stateFile = settings.FaultStateDirectory is { } directory ? new FaultStateFile(directory) : null;
            initial = InitialFaults.Load(settings, stateFile, lifecycle.StartedAt);
            if (settings.Proxy is not null && !initial.Snapshot.DependencyAvailable)
            {
                throw new SettingsException("FAULTS_AT_START", "dependency: is not available in proxy mode: the proxy cannot reach inside the app");
            }
        }
        catch (SettingsException exception)
        {
            return Fatal(log, events, error, ExitCodes.BadSettings, exception.Variable, exception.Message);
        }

        var board = new FaultBoard(initial.Snapshot, lifecycle.StartedAt, stateFile, time);
        events.InitialFaults(time.GetUtcNow(), initial.Source, initial.Snapshot);
        if (initial.Source == "FAULTS_AT_START")
        {
            // Persist at once so the absolute fault times survive a restart that comes before any API call.
            board.Apply(state => state);
        }

        if (settings.Proxy is null)
        {
            RemoveStaleHealthFile(settings.HealthFile);
        }

        using var signals = new TerminationSignals(settings, lifecycle, log, events, time);
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
                return Stopped(log, events, settings.StopExitCode, "stopped during the listen delay");
            }
        }

        await using var app = TargetAppBuilder.Build(settings, lifecycle, log, events, board, time);
        lifecycle.MarkListening(time.GetUtcNow());
        try
        {
            await app.StartAsync(signals.StopRequested);
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            return Fatal(log, events, error, ExitCodes.ListenFailed, "listen", exception.Message);
        }
        catch (OperationCanceledException)
        {
            await app.StopAsync(CancellationToken.None);
            return Stopped(log, events, settings.StopExitCode, "stopped while starting");
        }

        if (settings.Proxy is null)
        {
            events.Listening(events.Now(), settings);
        }
        else
        {
            events.ProxyListening(events.Now(), settings);
        }

        log.Write("listening", json =>
        {
            json.WriteString("bindAddress", settings.BindAddress.ToString());
            json.WriteNumber("port", settings.HttpPort);
            if (settings.Proxy is { } proxy)
            {
                proxy.WriteTo(json);
            }
            else
            {
                json.WriteNumber("tcpPort", settings.TcpPort);
                json.WriteNumber("grpcPort", settings.GrpcPort);
            }

            json.WriteNumber("msSinceProcessStart", Math.Round(SinceProcessStart().TotalMilliseconds));
        });

        if (settings.RunFor <= TimeSpan.Zero)
        {
            await app.WaitForShutdownAsync(signals.StopRequested);
            return Stopped(log, events, settings.StopExitCode, "graceful stop");
        }

        // A run that ends by itself (an init container's work): its exit code may depend on how many runs came before.
        var run = settings.RunCountFile is { } countFile ? RunCount.Next(countFile) : 1;
        using var runEnd = new CancellationTokenSource(settings.RunFor, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(signals.StopRequested, runEnd.Token);
        await app.WaitForShutdownAsync(either.Token);
        return signals.StopRequested.IsCancellationRequested
            ? Stopped(log, events, settings.StopExitCode, "graceful stop")
            : Stopped(log, events, RunCount.ExitCodeOf(run, settings.RunExitCode, settings.SucceedFromRun), $"run {run} ended after {settings.RunFor.TotalSeconds:0.###} s");
    }

    // process-exiting comes before the exit line, which stays the last line (diagnostics quote the last line).
    private static int Stopped(JsonLineLog log, AppEventLog events, int exitCode, string reason)
    {
        events.ProcessExiting(events.Now(), exitCode, reason);
        log.Write("exit", json =>
        {
            json.WriteString("reason", "graceful stop");
            json.WriteNumber("exitCode", exitCode);
        });
        return exitCode;
    }

    private static int Fatal(JsonLineLog log, AppEventLog events, TextWriter error, int exitCode, string subject, string message)
    {
        var at = events.Now();
        error.WriteLine($"target-app: {message}");
        events.ProcessExiting(at, exitCode, $"fatal: {subject}");
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

    // The kernel's start time of this process (before the runtime loaded), or null where the platform will not say.
    private static DateTimeOffset? ProcessStartTime()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
