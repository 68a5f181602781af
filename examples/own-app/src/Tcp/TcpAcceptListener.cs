using System.Net;
using System.Net.Sockets;

namespace OwnApp.Tcp;

/// <summary>A raw TCP port for a tcpSocket probe: opens after <c>LISTEN_DELAY_SECONDS</c>, accepts each connection and closes it.</summary>
/// <remarks>If the port cannot be bound, the application stops and the runner exits with <see cref="ExitCodes.ListenFailed"/>.</remarks>
public sealed class TcpAcceptListener : BackgroundService
{
    private readonly OwnAppSettings _settings;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TaskCompletionSource<int> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the (not yet open) listener.</summary>
    public TcpAcceptListener(OwnAppSettings settings, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        _settings = settings;
        _time = time;
        _lifetime = lifetime;
    }

    /// <summary>Completes with the bound port once the listener is open; faults when it could not open.</summary>
    public Task<int> Bound => _bound.Task;

    /// <summary>Why the port could not be opened, or null.</summary>
    public string? Failure { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_settings.ListenDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(_settings.ListenDelay, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                _bound.TrySetCanceled(stoppingToken);
                return;
            }
        }

        var listener = new TcpListener(new IPEndPoint(_settings.BindAddress, _settings.TcpPort));
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            Failure = $"TCP_PORT {_settings.TcpPort} on {_settings.BindAddress}: {e.Message}";
            _bound.TrySetException(new IOException(Failure, e));
            _lifetime.StopApplication();
            return;
        }

        _bound.TrySetResult(((IPEndPoint)listener.LocalEndpoint).Port);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    using var socket = await listener.AcceptSocketAsync(stoppingToken);
                    // Accept and close: all a tcpSocket probe looks at is whether the connection is accepted.
                }
                catch (SocketException)
                {
                    // A client that gave up before the accept: keep listening.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            listener.Stop();
        }
    }
}
