using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Writers;

/// <summary>Writes report.json: the whole model, machine-readable, with the history that trends accumulate in.</summary>
public static class JsonReportWriter
{
    /// <summary>camelCase, indented, verdicts as their stored words (e.g. <c>within-bound</c>), arrows and quotes unescaped.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The report as JSON text.</summary>
    public static string Write(ResilienceReport report) => JsonSerializer.Serialize(report, Options);
}
