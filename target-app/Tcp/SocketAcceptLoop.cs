using System.Net.Sockets;

namespace ProbeHarness.TargetApp.Tcp;

/// <summary>Accepts connections on a listening socket until it is closed, handing each to its own task.</summary>
public static class SocketAcceptLoop
{
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
}
