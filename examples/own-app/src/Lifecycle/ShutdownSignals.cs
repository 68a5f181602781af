using System.Runtime.InteropServices;

namespace OwnApp.Lifecycle;

/// <summary>Traps SIGTERM and SIGINT from the very start (also during the listen delay): one <c>stopping</c> line, then a graceful stop.</summary>
public sealed class ShutdownSignals : IDisposable
{
    private readonly EventLog _events;
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signalled;

    /// <summary>Registers the handlers.</summary>
    public ShutdownSignals(EventLog events)
    {
        _events = events;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
        ];
    }

    /// <summary>Cancelled when a termination signal arrived.</summary>
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
        // Without this the runtime would end the process at once; the runner stops it gracefully instead.
        context.Cancel = true;
        if (Interlocked.Exchange(ref _signalled, 1) == 1)
        {
            return;
        }

        _events.Stopping(context.Signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT");
        _stop.Cancel();
    }
}
