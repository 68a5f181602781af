using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Probes;
using ProbeHarness.TargetApp.Tcp;

namespace ProbeHarness.TargetApp.Proxy;

/// <summary>A TCP route: its listener is open exactly while the app's port accepts connections and the <c>tcp</c> fault is open; otherwise really closed (connection refused).</summary>
/// <remarks>
/// The app's port is tried with a connect every 100 ms (the app sees those connections), so the mirror lags it by up to
/// that much; a change of the <c>tcp</c> fault takes effect at once. Accepted probe connections are closed without forwarding.
/// </remarks>
public sealed class TcpProbeMirror : BackgroundService
{
    /// <summary>How often the app's port is tried.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    private readonly ProxyRoute _route;
    private readonly string _appHost;
    private readonly FaultBoard _board;
    private readonly JsonLineLog _log;
    private readonly AppEventLog _events;
    private readonly TimeProvider _time;
    private readonly IPEndPoint _endpoint;
    private readonly Lock _gate = new();
    private Socket? _socket;
    private bool _appAccepting;
    private bool _stopped;
    private string? _openProblem;

    /// <summary>Creates the mirror of <paramref name="route"/> on <c>BIND_ADDRESS</c>.</summary>
    public TcpProbeMirror(ProxyRoute route, TargetAppSettings settings, FaultBoard board, JsonLineLog log, AppEventLog events, TimeProvider time)
    {
        _route = route;
        _appHost = settings.Proxy?.AppHost ?? "127.0.0.1";
        _board = board;
        _log = log;
        _events = events;
        _time = time;
        _endpoint = new IPEndPoint(settings.BindAddress, route.ListenPort);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _board.Changed -= OnChanged;
        await base.StopAsync(cancellationToken);
        lock (_gate)
        {
            _stopped = true;
            Close();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _board.Changed += OnChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var accepting = await AppAcceptsAsync(stoppingToken);
                lock (_gate)
                {
                    _appAccepting = accepting;
                    Reconcile();
                }

                await Task.Delay(PollInterval, _time, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void OnChanged(FaultChange change)
    {
        lock (_gate)
        {
            Reconcile();
        }
    }

    private async Task<bool> AppAcceptsAsync(CancellationToken stoppingToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await socket.ConnectAsync(_appHost, _route.AppPort, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // No answer within a second (a full backlog, a frozen app's host): not accepting as far as a probe can tell.
            return false;
        }
    }

    // Callers hold _gate.
    private void Reconcile()
    {
        var faultOpen = _board.Current.TcpOpen;
        var wanted = _appAccepting && faultOpen && !_stopped;
        if (wanted && _socket is null)
        {
            Open(faultOpen);
        }
        else if (!wanted && _socket is not null)
        {
            Close(faultOpen);
        }
    }

    private void Open(bool faultOpen)
    {
        var socket = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Closed probe connections leave TIME_WAIT entries on this port; reopening must not trip over them.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(_endpoint);
            socket.Listen(128);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            var problem = $"cannot open {_endpoint}: {exception.Message}";
            if (problem != _openProblem)
            {
                // Once per distinct problem: the poll tries again every 100 ms.
                _openProblem = problem;
                _log.Write("error", json =>
                {
                    json.WriteString("component", "proxy-tcp");
                    json.WriteString("message", problem);
                });
            }

            return;
        }

        _openProblem = null;
        _socket = socket;
        _events.ProxiedTcpPortChanged(_events.Now(), _endpoint.Port, open: true, _route.AppPort, _appAccepting, faultOpen);
        LogState("open");
        _ = SocketAcceptLoop.RunAsync(socket, ServeAsync);
    }

    private void Close(bool? faultOpen = null)
    {
        if (_socket is null)
        {
            return;
        }

        _socket.Dispose();
        _socket = null;
        _events.ProxiedTcpPortChanged(_events.Now(), _endpoint.Port, open: false, _route.AppPort, _appAccepting, faultOpen ?? _board.Current.TcpOpen);
        LogState("closed");
    }

    private async Task ServeAsync(Socket connection)
    {
        var acceptedAt = _events.Now();
        var started = Stopwatch.GetTimestamp();
        var remote = (connection.RemoteEndPoint as IPEndPoint)?.Address.ToString();
        _events.ProxiedTcpAccepted(acceptedAt, _endpoint.Port, remote, _route.Probe, _route.AppPort);
        ProbeLogLine.Write(_log, $"tcp-{_route.Probe.Name()}", $"tcp:{_endpoint.Port}", null, remote, "connected", null, "mirrors the app's port", started);
        await SocketAcceptLoop.CloseAfterPeerAsync(connection);
    }

    private void LogState(string state) => _log.Write("tcp", json =>
    {
        json.WriteString("state", state);
        json.WriteString("endpoint", _endpoint.ToString());
        json.WriteNumber("appPort", _route.AppPort);
        json.WriteBoolean("proxied", true);
    });
}
