using System.Globalization;
using System.Net;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;

namespace ProbeHarness.TargetApp.Proxy;

/// <summary>Parses <c>PROXY_ROUTES</c> (<c>&lt;probe&gt;:&lt;protocol&gt;:&lt;listenPort&gt;:&lt;appPort&gt;</c>, comma-separated) and port lists; errors name the entry.</summary>
public static class ProxyRouteParser
{
    private const string Shape = "expected <probe>:<protocol>:<listenPort>:<appPort>, e.g. liveness:http:15081:8080";

    /// <summary>The routes of <paramref name="text"/>; throws <see cref="SettingsException"/> naming the first bad entry.</summary>
    public static IReadOnlyList<ProxyRoute> Parse(string text, int httpPort, IPAddress bindAddress, string appHost)
    {
        var routes = new List<ProxyRoute>();
        var entries = text.Split(',');
        for (var index = 0; index < entries.Length; index++)
        {
            var entry = entries[index].Trim();
            var route = ParseEntry(entry, Fail);
            if (routes.FindIndex(other => other.Probe == route.Probe) is var sameProbe and >= 0)
            {
                throw Fail($"probe {route.Probe.Name()} is already routed by entry {sameProbe + 1} (each probe kind at most once)");
            }

            if (routes.FindIndex(other => other.ListenPort == route.ListenPort) is var samePort and >= 0)
            {
                throw Fail($"listen port {route.ListenPort} is already used by entry {samePort + 1}");
            }

            if (route.ListenPort == httpPort)
            {
                throw Fail($"listen port {route.ListenPort} is PORT, the fault API's port");
            }

            if (route.ListenPort == route.AppPort && ReachesItself(bindAddress, appHost))
            {
                throw Fail($"listen port {route.ListenPort} on {bindAddress} is the app port on {appHost}: the proxy would forward to itself");
            }

            routes.Add(route);

            SettingsException Fail(string problem) => new(ProxySettings.RoutesVariable, $"entry {index + 1} '{entry}': {problem}");
        }

        return routes;
    }

    /// <summary>A comma-separated list of ports (<c>PROXY_SIGNAL_PORTS</c>).</summary>
    public static IReadOnlyList<int> ParsePorts(string variable, string text)
    {
        var entries = text.Split(',');
        var ports = new List<int>();
        for (var index = 0; index < entries.Length; index++)
        {
            var entry = entries[index].Trim();
            ports.Add(TryPort(entry) ?? throw new SettingsException(variable, $"entry {index + 1} '{entry}': '{entry}' is not a port number (1-65535)"));
        }

        return ports.Distinct().ToList();
    }

    private static ProxyRoute ParseEntry(string entry, Func<string, SettingsException> fail)
    {
        var parts = entry.Split(':');
        if (parts.Length != 4)
        {
            throw fail(Shape);
        }

        if (!ProbeKindNames.TryParse(parts[0], out var probe))
        {
            throw fail($"'{parts[0]}' is not a probe (liveness, readiness, startup)");
        }

        ProxyProtocol? protocol = parts[1].ToLowerInvariant() switch
        {
            "http" => ProxyProtocol.Http,
            "tcp" => ProxyProtocol.Tcp,
            "grpc" => ProxyProtocol.Grpc,
            _ => null,
        };
        if (protocol is null)
        {
            throw fail($"'{parts[1]}' is not a protocol (http, tcp, grpc)");
        }

        var listenPort = TryPort(parts[2]) ?? throw fail($"'{parts[2]}' is not a listen port number (1-65535)");
        var appPort = TryPort(parts[3]) ?? throw fail($"'{parts[3]}' is not an app port number (1-65535)");
        return new ProxyRoute(probe, protocol.Value, listenPort, appPort);
    }

    private static int? TryPort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port : null;

    // A wildcard bind covers every local address, so the same port on the app host would be this very listener.
    private static bool ReachesItself(IPAddress bindAddress, string appHost) =>
        bindAddress.Equals(IPAddress.Any) || bindAddress.Equals(IPAddress.IPv6Any) || string.Equals(bindAddress.ToString(), appHost, StringComparison.OrdinalIgnoreCase);
}
