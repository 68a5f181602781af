using System.Globalization;
using System.Net;

namespace ProbeHarness.TargetApp.Configuration;

/// <summary>Reads typed values from environment variables, failing with a <see cref="SettingsException"/> that names the variable.</summary>
public sealed class EnvironmentReader
{
    private readonly Func<string, string?> _lookup;

    /// <summary>Creates a reader over <paramref name="lookup"/> (normally <see cref="Environment.GetEnvironmentVariable(string)"/>).</summary>
    public EnvironmentReader(Func<string, string?> lookup)
    {
        _lookup = lookup;
    }

    /// <summary>The variable's value, or null when it is unset or empty.</summary>
    public string? Text(string variable)
    {
        var value = _lookup(variable);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>A TCP port 1–65535.</summary>
    public int Port(string variable, int fallback)
    {
        var text = Text(variable);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new SettingsException(variable, $"'{text}' is not a port number (1-65535)");
        }

        return port;
    }

    /// <summary>A process exit code 0–255.</summary>
    public int ExitCode(string variable, int fallback)
    {
        var text = Text(variable);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code > 255)
        {
            throw new SettingsException(variable, $"'{text}' is not an exit code (0-255)");
        }

        return code;
    }

    /// <summary>A whole number of megabytes from 1 to <paramref name="max"/>.</summary>
    public int Megabytes(string variable, int fallback, int max)
    {
        var text = Text(variable);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) || megabytes < 1 || megabytes > max)
        {
            throw new SettingsException(variable, $"'{text}' is not a number of megabytes (a whole number from 1 to {max})");
        }

        return megabytes;
    }

    /// <summary>A duration in (possibly fractional) seconds, zero or more.</summary>
    public TimeSpan Seconds(string variable)
    {
        var text = Text(variable);
        if (text is null)
        {
            return TimeSpan.Zero;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || seconds < 0 || seconds > 86_400)
        {
            throw new SettingsException(variable, $"'{text}' is not a number of seconds (0-86400, e.g. 5 or 1.5)");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>A boolean written as <c>true</c>/<c>false</c> (also 1/0, yes/no), false when unset.</summary>
    public bool Flag(string variable)
    {
        var text = Text(variable);
        return text?.ToLowerInvariant() switch
        {
            null or "false" or "0" or "no" => false,
            "true" or "1" or "yes" => true,
            _ => throw new SettingsException(variable, $"'{text}' is not a boolean (true or false)"),
        };
    }

    /// <summary>An IP address to bind to.</summary>
    public IPAddress Address(string variable, IPAddress fallback)
    {
        var text = Text(variable);
        if (text is null)
        {
            return fallback;
        }

        return IPAddress.TryParse(text, out var address)
            ? address
            : throw new SettingsException(variable, $"'{text}' is not an IP address (e.g. 0.0.0.0 or 127.0.0.1)");
    }
}
