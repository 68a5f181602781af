using System.Net;
using System.Net.Sockets;

namespace OwnApp.Tests.Support;

/// <summary>Picks loopback ports that are free right now (the OS assigns them to listeners on port 0).</summary>
internal static class FreePorts
{
    /// <summary>Returns <paramref name="count"/> distinct free ports on 127.0.0.1.</summary>
    public static int[] Take(int count)
    {
        // All listeners stay open until every port is known, so the OS cannot hand out the same port twice.
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }
}
