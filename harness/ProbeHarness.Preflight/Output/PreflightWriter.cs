using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Output;

/// <summary>Writes a <see cref="PreflightResult"/> in one of the <see cref="OutputFormat"/>s.</summary>
public static class PreflightWriter
{
    /// <summary>Parses a format name (<c>human</c>, <c>json</c>, <c>sarif</c>, <c>junit</c>, case-insensitive); null when it is none.</summary>
    public static OutputFormat? ParseFormat(string text) =>
        Enum.TryParse<OutputFormat>(text, ignoreCase: true, out var format) && Enum.IsDefined(format) && !int.TryParse(text, out _) ? format : null;

    /// <summary>The result as text in <paramref name="format"/>; <paramref name="failOn"/> decides what JUnit counts as failures.</summary>
    public static string Write(PreflightResult result, OutputFormat format, Severity failOn) => format switch
    {
        OutputFormat.Json => JsonFormat.Write(result, failOn),
        OutputFormat.Sarif => SarifFormat.Write(result),
        OutputFormat.JUnit => JUnitFormat.Write(result, failOn),
        _ => HumanFormat.Write(result, failOn),
    };
}
