using System.Net;
using System.Text.Json;
using ProbeHarness.TargetApp.Configuration;

namespace ProbeHarness.TargetApp.Proxy;

/// <summary>The probe fault proxy mode (<c>PROXY_ROUTES</c> set): routes, where the app is reached, which ports identify its process.</summary>
public sealed record ProxySettings
{
    /// <summary>The variable that switches proxy mode on.</summary>
    public const string RoutesVariable = "PROXY_ROUTES";

    /// <summary>The variable naming the app's host.</summary>
    public const string AppHostVariable = "PROXY_APP_HOST";

    /// <summary>The variable overriding the ports whose listener identifies the app's process.</summary>
    public const string SignalPortsVariable = "PROXY_SIGNAL_PORTS";

    /// <summary>The variable naming the directory (shared with the app's container) where the exec probe shim reads each probe's fault; it switches proxy mode on too.</summary>
    public const string ExecFaultDirectoryVariable = "PROXY_EXEC_FAULT_DIR";

    /// <summary>The routes, in the order written (<c>PROXY_ROUTES</c>).</summary>
    public required IReadOnlyList<ProxyRoute> Routes { get; init; }

    /// <summary>Host (IP address or name) the app is reached at (<c>PROXY_APP_HOST</c>; default: <c>BIND_ADDRESS</c> unless a wildcard, else 127.0.0.1).</summary>
    public required string AppHost { get; init; }

    /// <summary>Ports whose LISTEN socket's owner is the app's process, for crash and freeze (<c>PROXY_SIGNAL_PORTS</c>; default: every route's app port).</summary>
    public required IReadOnlyList<int> SignalPorts { get; init; }

    /// <summary>Where the exec probe shim reads each probe's fault (<c>PROXY_EXEC_FAULT_DIR</c>), or null when no exec probe is shimmed.</summary>
    public string? ExecFaultDirectory { get; init; }

    /// <summary>Reads the proxy settings; null when neither <c>PROXY_ROUTES</c> nor <c>PROXY_EXEC_FAULT_DIR</c> is set (the normal target app).</summary>
    public static ProxySettings? FromEnvironment(EnvironmentReader env, IPAddress bindAddress, int httpPort)
    {
        var routesText = env.Text(RoutesVariable);
        var execDirectory = env.Text(ExecFaultDirectoryVariable);
        if (execDirectory is not null && !Path.IsPathRooted(execDirectory))
        {
            throw new SettingsException(ExecFaultDirectoryVariable, $"'{execDirectory}' is not an absolute path");
        }

        if (routesText is null && execDirectory is null)
        {
            foreach (var dependent in new[] { AppHostVariable, SignalPortsVariable })
            {
                if (env.Text(dependent) is not null)
                {
                    throw new SettingsException(dependent, $"needs {RoutesVariable} or {ExecFaultDirectoryVariable}: it only applies in proxy mode");
                }
            }

            return null;
        }

        var appHost = env.Text(AppHostVariable) ?? DefaultAppHost(bindAddress);
        if (Uri.CheckHostName(appHost) == UriHostNameType.Unknown)
        {
            throw new SettingsException(AppHostVariable, $"'{appHost}' is not a host name or IP address");
        }

        // Only exec probes shimmed: no route to listen on.
        var routes = routesText is null ? [] : ProxyRouteParser.Parse(routesText, httpPort, bindAddress, appHost);
        var signalPorts = env.Text(SignalPortsVariable) is { } portsText
            ? ProxyRouteParser.ParsePorts(SignalPortsVariable, portsText)
            : routes.Select(route => route.AppPort).Distinct().ToList();
        return new ProxySettings { Routes = routes, AppHost = appHost, SignalPorts = signalPorts, ExecFaultDirectory = execDirectory };
    }

    /// <summary>The route listening on <paramref name="port"/>, if any.</summary>
    public ProxyRoute? RouteOn(int port) => Routes.FirstOrDefault(route => route.ListenPort == port);

    /// <summary>Writes the proxy settings as JSON properties (for the start log line).</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartArray("proxyRoutes");
        foreach (var route in Routes)
        {
            json.WriteStringValue(route.ToString());
        }

        json.WriteEndArray();
        json.WriteString("proxyAppHost", AppHost);
        json.WriteStartArray("proxySignalPorts");
        foreach (var port in SignalPorts)
        {
            json.WriteNumberValue(port);
        }

        json.WriteEndArray();
    }

    // The emulated backend binds every pod to its own 127.x.y.z: the app is there too. A wildcard says nothing.
    private static string DefaultAppHost(IPAddress bindAddress) =>
        bindAddress.Equals(IPAddress.Any) || bindAddress.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : bindAddress.ToString();
}
