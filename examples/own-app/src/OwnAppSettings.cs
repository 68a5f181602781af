using System.Globalization;
using System.Net;

namespace OwnApp;

/// <summary>The service's settings, all from environment variables (see the example's README).</summary>
public sealed record OwnAppSettings
{
    /// <summary>The HTTP port (<c>PORT</c>, default 8080); 0 picks a free one (tests only).</summary>
    public int HttpPort { get; init; } = 8080;

    /// <summary>The raw TCP port for a tcpSocket probe (<c>TCP_PORT</c>, default 8081); 0 picks a free one (tests only).</summary>
    public int TcpPort { get; init; } = 8081;

    /// <summary>The address every listener binds (<c>BIND_ADDRESS</c>, default 0.0.0.0).</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    /// <summary>How long after start <c>/health/ready</c> answers 503 (<c>WARMUP_SECONDS</c>, default 2).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after start the TCP listener opens (<c>LISTEN_DELAY_SECONDS</c>, default 0).</summary>
    public TimeSpan ListenDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Reads the settings; an empty variable counts as unset; a bad value throws <see cref="SettingsException"/> naming the variable.</summary>
    public static OwnAppSettings FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var defaults = new OwnAppSettings();
        var settings = new OwnAppSettings
        {
            HttpPort = Port(environment, "PORT", defaults.HttpPort),
            TcpPort = Port(environment, "TCP_PORT", defaults.TcpPort),
            BindAddress = Address(environment, "BIND_ADDRESS", defaults.BindAddress),
            Warmup = Seconds(environment, "WARMUP_SECONDS", defaults.Warmup),
            ListenDelay = Seconds(environment, "LISTEN_DELAY_SECONDS", defaults.ListenDelay),
        };
        return settings.HttpPort == settings.TcpPort
            ? throw new SettingsException("TCP_PORT", $"TCP_PORT={settings.TcpPort} is the HTTP port (PORT) too; give it a port of its own")
            : settings;
    }

    private static int Port(Func<string, string?> environment, string name, int fallback)
    {
        if (environment(name) is not { Length: > 0 } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new SettingsException(name, $"{name}='{text}' is not a port number (1-65535)");
    }

    private static IPAddress Address(Func<string, string?> environment, string name, IPAddress fallback)
    {
        if (environment(name) is not { Length: > 0 } text)
        {
            return fallback;
        }

        return IPAddress.TryParse(text, out var address)
            ? address
            : throw new SettingsException(name, $"{name}='{text}' is not an IP address (e.g. 0.0.0.0 or 127.0.0.1)");
    }

    private static TimeSpan Seconds(Func<string, string?> environment, string name, TimeSpan fallback)
    {
        if (environment(name) is not { Length: > 0 } text)
        {
            return fallback;
        }

        // Fractions are allowed ("0.5"); a day is far beyond any probe budget and keeps TimeSpan in range.
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new SettingsException(name, $"{name}='{text}' is not a number of seconds (0 to 86400, e.g. 2 or 0.5)");
    }
}
