using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ProbeHarness.Emulated.Probing;

/// <summary>Go's wording for the texts the kubelet's probers report: durations, quoted strings, dial errors.</summary>
public static class GoText
{
    /// <summary>A duration as Go's <c>time.Duration.String()</c> prints it: <c>1s</c>, <c>1m30s</c>, <c>500ms</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            return duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
        }

        var seconds = (duration.TotalSeconds % 60).ToString("0.#########", CultureInfo.InvariantCulture) + "s";
        var hours = (long)duration.TotalHours;
        var minutes = duration.Minutes;
        return hours > 0 ? $"{hours}h{minutes}m{seconds}"
            : minutes > 0 ? $"{minutes}m{seconds}"
            : seconds;
    }

    /// <summary>A string as Go's <c>%q</c> prints it (double-quoted, backslash escapes).</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Go's <c>net.JoinHostPort</c>: an IPv6 literal goes in brackets.</summary>
    public static string HostPort(string host, int port) =>
        (host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host) + ":" + port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The error Go's dialer reports for a failed connect, e.g. <c>dial tcp 127.0.0.5:8080: connect: connection refused</c>.</summary>
    public static string DialError(string host, int port, SocketException error) => error.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => $"dial tcp {HostPort(host, port)}: connect: connection refused",
        SocketError.HostUnreachable => $"dial tcp {HostPort(host, port)}: connect: no route to host",
        SocketError.NetworkUnreachable => $"dial tcp {HostPort(host, port)}: connect: network is unreachable",
        SocketError.AddressNotAvailable => $"dial tcp {HostPort(host, port)}: connect: cannot assign requested address",
        SocketError.TimedOut => DialTimeout(host, port),
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"dial tcp: lookup {host}: no such host",
        _ => $"dial tcp {HostPort(host, port)}: connect: {error.Message.ToLowerInvariant()}",
    };

    /// <summary>The error Go's dialer reports when the connect outlived its deadline.</summary>
    public static string DialTimeout(string host, int port) => $"dial tcp {HostPort(host, port)}: i/o timeout";

    /// <summary>Whether <paramref name="host"/> is an IP literal (no lookup needed).</summary>
    public static bool IsAddress(string host) => IPAddress.TryParse(host, out _);
}
