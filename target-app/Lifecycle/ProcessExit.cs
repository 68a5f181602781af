using ProbeHarness.TargetApp.Logging;

namespace ProbeHarness.TargetApp.Lifecycle;

/// <summary>Ends the process abruptly with a chosen exit code, as a crashing app would (no graceful stop).</summary>
public sealed class ProcessExit
{
    private readonly JsonLineLog _log;

    /// <summary>Creates the exit that logs its line to <paramref name="log"/>.</summary>
    public ProcessExit(JsonLineLog log)
    {
        _log = log;
    }

    // Kestrel reports a response complete once it is queued for the socket, not once it is sent: a short pause keeps
    // the exit from resetting the connection before the 202 reaches the client.
    private static readonly TimeSpan SendGrace = TimeSpan.FromMilliseconds(100);

    /// <summary>Logs an exit line and exits with <paramref name="exitCode"/> from a fresh thread (never blocks the caller).</summary>
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
            Environment.Exit(exitCode);
        })
        { IsBackground = true, Name = "crash" }.Start();
    }
}
