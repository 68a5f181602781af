using System.Diagnostics;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Http;
using ProbeHarness.TargetApp.Logging;

namespace ProbeHarness.TargetApp.Probes;

/// <summary>Answers the HTTP probe endpoints (<c>/healthz</c>, <c>/readyz</c>, <c>/startupz</c>) and logs each request as one JSON line and one event line.</summary>
public sealed class ProbeRequestHandler
{
    private readonly ProbeEvaluator _evaluator;
    private readonly JsonLineLog _log;
    private readonly AppEventLog _events;
    private readonly IHostApplicationLifetime _lifetime;

    /// <summary>Creates the handler.</summary>
    public ProbeRequestHandler(ProbeEvaluator evaluator, JsonLineLog log, AppEventLog events, IHostApplicationLifetime lifetime)
    {
        _evaluator = evaluator;
        _log = log;
        _events = events;
        _lifetime = lifetime;
    }

    /// <summary>Answers one probe request of <paramref name="kind"/>.</summary>
    public async Task HandleAsync(HttpContext context, ProbeKind kind)
    {
        var receivedAt = _events.Now();
        var started = Stopwatch.GetTimestamp();
        var verdict = _evaluator.Evaluate(kind);
        int? answered = null;
        string? abortedBy = null;
        DateTimeOffset? sendingAt = null;
        try
        {
            // A hanging or slow answer ends when the client gives up or the app stops, whichever comes first.
            using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _lifetime.ApplicationStopping);
            await verdict.WaitAsync(giveUp.Token);

            // The kubelet may read the answer before this handler runs again after the write (a loaded machine): the
            // instant the write began bounds its arrival from below, the logged instant after the write from above.
            sendingAt = _events.Now();
            await ProbeAnswer.WriteAsync(context, kind, verdict);
            answered = verdict.StatusCode;
        }
        catch (OperationCanceledException)
        {
            abortedBy = context.RequestAborted.IsCancellationRequested ? "client" : "shutdown";
            context.Abort();
        }
        finally
        {
            // Read before any logging: the instant the answer went out (or the request was given up).
            var at = _events.Now();
            _events.ProbeAnswered(at, context.Request.Path.Value ?? "/", kind, context.Request.Headers.UserAgent.ToString(), receivedAt, answered, verdict.IsHealthy, abortedBy, verdict.Reason, started, answered is null ? null : sendingAt);
            ProbeLogLine.Write(_log, kind.Name(), context, answered, verdict.Reason, started);
        }
    }

    /// <summary>Answers <c>/healthz-target</c>, the same-host target of redirect faults: always 200.</summary>
    public async Task HandleRedirectTargetAsync(HttpContext context)
    {
        var receivedAt = _events.Now();
        var started = Stopwatch.GetTimestamp();
        await JsonResponse.WriteAsync(context, 200, json =>
        {
            json.WriteString("probe", "redirect-target");
            json.WriteString("status", "ok");
        });
        _events.ProbeAnswered(_events.Now(), context.Request.Path.Value ?? "/", null, context.Request.Headers.UserAgent.ToString(), receivedAt, 200, healthy: true, null, "ok", started);
        ProbeLogLine.Write(_log, "redirect-target", context, 200, "ok", started);
    }
}
