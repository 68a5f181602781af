using System.Text.RegularExpressions;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Reads the major.minor of a Kubernetes version string such as <c>v1.32.3+k3s1</c>, <c>v1.20.2</c> or <c>emulated-v1.32</c>.</summary>
public static partial class KubernetesVersion
{
    /// <summary>The major.minor version in <paramref name="text"/>, when it has one.</summary>
    public static bool TryParse(string? text, out Version version)
    {
        var match = text is null ? null : MajorMinor().Match(text);
        version = match is { Success: true }
            ? new Version(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
            : new Version(0, 0);
        return match is { Success: true };
    }

    [GeneratedRegex(@"v?(\d+)\.(\d+)")]
    private static partial Regex MajorMinor();
}
