using System.Runtime.InteropServices;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Logging;

namespace ProbeHarness.TargetApp.Lifecycle;

/// <summary>Traps SIGTERM and SIGINT: graceful stop with exit code 0, after <c>SHUTDOWN_DELAY_SECONDS</c>; SIGTERM is ignored with <c>IGNORE_SIGTERM=true</c>.</summary>
/// <remarks>Registered before anything else, so the signal is handled the same way during <c>LISTEN_DELAY_SECONDS</c>.</remarks>
public sealed class TerminationSignals : IDisposable
{
    private readonly TargetAppSettings _settings;
    private readonly InstanceLifecycle _lifecycle;
    private readonly JsonLineLog _log;
    private readonly AppEventLog _events;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    /// <summary>Registers the handlers.</summary>
    public TerminationSignals(TargetAppSettings settings, InstanceLifecycle lifecycle, JsonLineLog log, AppEventLog events, TimeProvider time)
    {
        _settings = settings;
        _lifecycle = lifecycle;
        _log = log;
        _events = events;
        _time = time;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
        ];
    }

    /// <summary>Cancelled when the app must stop: after the shutdown delay that followed SIGTERM/SIGINT.</summary>
    public CancellationToken StopRequested => _stop.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        var receivedAt = _events.Now();
        // Cancelling the default action keeps the runtime from terminating the process; we stop it ourselves.
        context.Cancel = true;
        var name = context.Signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT";
        if (context.Signal == PosixSignal.SIGTERM && _settings.IgnoreSigterm)
        {
            LogSignal(receivedAt, name, "ignored (IGNORE_SIGTERM=true)");
            return;
        }

        if (!_lifecycle.TryMarkTerminating(_time.GetUtcNow()))
        {
            LogSignal(receivedAt, name, "already stopping");
            return;
        }

        LogSignal(receivedAt, name, _settings.ShutdownDelay > TimeSpan.Zero ? "stopping after the shutdown delay" : "stopping");
        if (_settings.ShutdownDelay > TimeSpan.Zero)
        {
            _stop.CancelAfter(_settings.ShutdownDelay);
        }
        else
        {
            _stop.Cancel();
        }
    }

    private void LogSignal(DateTimeOffset receivedAt, string signal, string action)
    {
        _events.SignalReceived(receivedAt, signal, action);
        LogSignalLine(signal, action);
    }

    private void LogSignalLine(string signal, string action) => _log.Write("signal", json =>
    {
        json.WriteString("signal", signal);
        json.WriteString("action", action);
        json.WriteNumber("shutdownDelaySeconds", _settings.ShutdownDelay.TotalSeconds);
        json.WriteBoolean("readinessFailsOnShutdown", _settings.ReadinessFailsOnShutdown);
    });
}
