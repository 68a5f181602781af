using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProbeHarness.TargetApp.Logging;

/// <summary>The JSON writer settings of every log line and response: readable quotes and apostrophes instead of <c>\u0027</c> escapes.</summary>
public static class JsonOutput
{
    /// <summary>Writer options for log lines and response bodies (never embedded in HTML, so relaxed escaping is safe).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
