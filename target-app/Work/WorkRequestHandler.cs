using System.Diagnostics;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Http;
using ProbeHarness.TargetApp.Lifecycle;
using ProbeHarness.TargetApp.Logging;

namespace ProbeHarness.TargetApp.Work;

/// <summary><c>GET /</c>, the "work" a Service routes traffic to: names the pod and this process's instance id; 503 while the dependency is down.</summary>
public sealed class WorkRequestHandler
{
    private readonly TargetAppSettings _settings;
    private readonly InstanceLifecycle _lifecycle;
    private readonly FaultBoard _board;
    private readonly JsonLineLog _log;

    /// <summary>Creates the handler.</summary>
    public WorkRequestHandler(TargetAppSettings settings, InstanceLifecycle lifecycle, FaultBoard board, JsonLineLog log)
    {
        _settings = settings;
        _lifecycle = lifecycle;
        _board = board;
        _log = log;
    }

    /// <summary>Answers one work request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var available = _board.Current.DependencyAvailable;
        var status = available ? 200 : 503;
        await JsonResponse.WriteAsync(context, status, json =>
        {
            json.WriteString("message", available ? "Hello, World!" : "dependency unavailable");
            json.WriteString("pod", _settings.PodName);
            json.WriteString("podIp", _settings.PodIp);
            json.WriteString("instance", _lifecycle.InstanceId);
            json.WriteString("startedAt", _lifecycle.StartedAt.UtcDateTime.ToString("O"));
            json.WriteBoolean("terminating", _lifecycle.TerminatingSince is not null);
        });
        var durationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _log.Write("work", json =>
        {
            json.WriteString("path", context.Request.Path.Value);
            json.WriteString("remote", context.Connection.RemoteIpAddress?.ToString());
            json.WriteNumber("status", status);
            json.WriteNumber("durationMs", Math.Round(durationMs, 1));
        });
    }
}
