using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Probes;

namespace ProbeHarness.TargetApp.Tcp;

/// <summary>The raw TCP listener for tcpSocket probes (<c>TCP_PORT</c>); it really closes (connection refused) while the fault says <c>open: false</c>.</summary>
public sealed class TcpProbeListener : IHostedService, IDisposable
{
    private readonly FaultBoard _board;
    private readonly JsonLineLog _log;
    private readonly AppEventLog _events;
    private readonly IPEndPoint _endpoint;
    private readonly Lock _gate = new();
    private Socket? _socket;
    private bool _stopped;

    /// <summary>Creates the listener for <c>BIND_ADDRESS:TCP_PORT</c>.</summary>
    public TcpProbeListener(TargetAppSettings settings, FaultBoard board, JsonLineLog log, AppEventLog events)
    {
        _board = board;
        _log = log;
        _events = events;
        _endpoint = new IPEndPoint(settings.BindAddress, settings.TcpPort);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Reconcile();
        _board.Changed += ReconcileAfterChange;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _board.Changed -= ReconcileAfterChange;
        lock (_gate)
        {
            _stopped = true;
            Close();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            Close();
        }
    }

    private void ReconcileAfterChange(FaultChange change)
    {
        try
        {
            Reconcile();
        }
        catch (SocketException exception)
        {
            // The fault API already answered; the log says why the port did not reopen.
            _log.Write("error", json =>
            {
                json.WriteString("component", "tcp");
                json.WriteString("message", $"cannot reopen {_endpoint}: {exception.Message}");
            });
        }
    }

    private void Reconcile()
    {
        lock (_gate)
        {
            var wanted = _board.Current.TcpOpen && !_stopped;
            if (wanted && _socket is null)
            {
                Open();
            }
            else if (!wanted && _socket is not null)
            {
                Close();
            }
        }
    }

    private void Open()
    {
        var socket = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Accepted connections we close leave TIME_WAIT entries on this port; reopening must not trip over them.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(_endpoint);
            socket.Listen(128);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _events.TcpPortChanged(_events.Now(), _endpoint.Port, open: true);
        LogState("open");
        _ = SocketAcceptLoop.RunAsync(socket, ServeAsync);
    }

    private void Close()
    {
        if (_socket is null)
        {
            return;
        }

        _socket.Dispose();
        _socket = null;
        _events.TcpPortChanged(_events.Now(), _endpoint.Port, open: false);
        LogState("closed");
    }

    private async Task ServeAsync(Socket connection)
    {
        var acceptedAt = _events.Now();
        var started = Stopwatch.GetTimestamp();
        var remote = (connection.RemoteEndPoint as IPEndPoint)?.Address.ToString();
        _events.TcpAccepted(acceptedAt, _endpoint.Port, remote);
        ProbeLogLine.Write(_log, "tcp", $"tcp:{_endpoint.Port}", null, remote, "connected", null, "ok", started);
        await SocketAcceptLoop.CloseAfterPeerAsync(connection);
    }

    private void LogState(string state) => _log.Write("tcp", json =>
    {
        json.WriteString("state", state);
        json.WriteString("endpoint", _endpoint.ToString());
    });
}
