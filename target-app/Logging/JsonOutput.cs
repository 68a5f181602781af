using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProbeHarness.TargetApp.Logging;

/// <summary>The JSON writer settings of every log line and response: readable quotes and apostrophes instead of <c>\u0027</c> escapes.</summary>
public static class JsonOutput
{
    /// <summary>Writer options for log lines and response bodies (never embedded in HTML, so relaxed escaping is safe).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An instant as the log writes it: UTC ISO-8601 with milliseconds (truncated), e.g. <c>2026-12-02T13:04:05.123Z</c>.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
