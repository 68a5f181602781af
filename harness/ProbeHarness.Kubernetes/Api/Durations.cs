using System.Globalization;

namespace ProbeHarness.Kubernetes.Api;

/// <summary>Formats durations for messages: one decimal below ten seconds, whole seconds above.</summary>
public static class Durations
{
    /// <summary>E.g. "0.3 s", "4.2 s", "180 s".</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 10
            ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : duration.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";
}
