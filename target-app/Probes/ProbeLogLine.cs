using System.Diagnostics;
using ProbeHarness.TargetApp.Logging;

namespace ProbeHarness.TargetApp.Probes;

/// <summary>The <c>"kind":"probe"</c> log line: probe, path, user agent, result, status, reason, duration.</summary>
/// <remarks><c>result</c> is <c>answered</c>, <c>abandoned</c> (the client or the app gave up first; <c>status</c> is null) or <c>connected</c> (TCP).</remarks>
public static class ProbeLogLine
{
    /// <summary>Logs one answered (or abandoned) HTTP probe request.</summary>
    public static void Write(JsonLineLog log, string probe, HttpContext context, int? status, string reason, long startedTimestamp) =>
        Write(log, probe, context.Request.Path.Value ?? "/", context.Request.Headers.UserAgent.ToString(),
            context.Connection.RemoteIpAddress?.ToString(), status is null ? "abandoned" : "answered", status, reason, startedTimestamp);

    /// <summary>Logs one probe of any transport (HTTP path, gRPC method or TCP port).</summary>
    public static void Write(
        JsonLineLog log, string probe, string path, string? userAgent, string? remote, string result, int? status, string reason, long startedTimestamp)
    {
        var durationMs = Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds;
        log.Write("probe", json =>
        {
            json.WriteString("probe", probe);
            json.WriteString("path", path);
            json.WriteString("userAgent", string.IsNullOrEmpty(userAgent) ? null : userAgent);
            json.WriteString("remote", remote);
            json.WriteString("result", result);
            if (status is { } code)
            {
                json.WriteNumber("status", code);
            }
            else
            {
                json.WriteNull("status");
            }

            json.WriteString("reason", reason);
            json.WriteNumber("durationMs", Math.Round(durationMs, 1));
        });
    }
}
