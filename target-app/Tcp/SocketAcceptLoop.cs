using System.Net.Sockets;

namespace ProbeHarness.TargetApp.Tcp;

/// <summary>Accepts connections on a listening socket until it is closed, handing each to its own task; closes a probe's connection after its peer.</summary>
public static class SocketAcceptLoop
{
    // How long a connection waits for the prober to close it first.
    private static readonly TimeSpan PeerCloseWait = TimeSpan.FromSeconds(2);

    /// <summary>Runs until <paramref name="listener"/> is closed (closing it is how a port is shut); each connection goes to <paramref name="serve"/>, not awaited.</summary>
    public static async Task RunAsync(Socket listener, Func<Socket, Task> serve)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(serve);
        while (true)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptAsync();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = serve(connection);
        }
    }

    /// <summary>Closes <paramref name="connection"/> once its peer has (a tcpSocket probe does so at once), so the TIME_WAIT stays on the prober's side; at most 2 s.</summary>
    public static async Task CloseAfterPeerAsync(Socket connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using (connection)
        {
            using var wait = new CancellationTokenSource(PeerCloseWait);
            try
            {
                var buffer = new byte[256];
                while (await connection.ReceiveAsync(buffer, SocketFlags.None, wait.Token) > 0)
                {
                }
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                // The peer reset or stayed silent: closing is all that is left to do.
            }
        }
    }
}
