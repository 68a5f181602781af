using ProbeHarness.TargetApp.Logging;

namespace ProbeHarness.TargetApp.Lifecycle;

/// <summary>Ends the process abruptly with a chosen exit code, as a crashing app would (no graceful stop).</summary>
public sealed class ProcessExit
{
    private readonly JsonLineLog _log;
    private readonly AppEventLog _events;

    /// <summary>Creates the exit that logs its lines to <paramref name="log"/> and <paramref name="events"/>.</summary>
    public ProcessExit(JsonLineLog log, AppEventLog events)
    {
        _log = log;
        _events = events;
    }

    // Kestrel reports a response complete once it is queued for the socket, not once it is sent: a short pause keeps
    // the exit from resetting the connection before the 202 reaches the client.
    private static readonly TimeSpan SendGrace = TimeSpan.FromMilliseconds(100);

    /// <summary>Logs an exit line and exits with <paramref name="exitCode"/> from a fresh thread (never blocks the caller), logging <c>process-exiting</c> just before.</summary>
    public void Crash(int exitCode)
    {
        _log.Write("exit", json =>
        {
            json.WriteString("reason", "crash requested");
            json.WriteNumber("exitCode", exitCode);
        });
        new Thread(() =>
        {
            Thread.Sleep(SendGrace);
            // Written and flushed synchronously, so the line is in the container log before the process is gone.
            _events.ProcessExiting(_events.Now(), exitCode, "crash requested");
            Environment.Exit(exitCode);
        })
        { IsBackground = true, Name = "crash" }.Start();
    }
}
