using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Probes;

namespace ProbeHarness.TargetApp.Grpc;

/// <summary><c>grpc.health.v1.Health/Check</c> on <c>GRPC_PORT</c>: services "" and "liveness" follow liveness, "readiness" and "startup" their probes.</summary>
/// <remarks>Faults apply as over HTTP: fail → NOT_SERVING, hang → no answer, slow → late answer, flap → every Nth NOT_SERVING, redirect → SERVING.</remarks>
public sealed class GrpcHealthService : Health.HealthBase
{
    private const string CheckPath = "/grpc.health.v1.Health/Check";

    private readonly ProbeEvaluator _evaluator;
    private readonly JsonLineLog _log;
    private readonly AppEventLog _events;
    private readonly IHostApplicationLifetime _lifetime;

    /// <summary>Creates the service.</summary>
    public GrpcHealthService(ProbeEvaluator evaluator, JsonLineLog log, AppEventLog events, IHostApplicationLifetime lifetime)
    {
        _evaluator = evaluator;
        _log = log;
        _events = events;
        _lifetime = lifetime;
    }

    /// <inheritdoc />
    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var receivedAt = _events.Now();
        var started = Stopwatch.GetTimestamp();
        var userAgent = context.RequestHeaders.GetValue("user-agent");
        var remote = context.Peer;
        if (!TryKind(request.Service, out var kind))
        {
            _events.GrpcAnswered(_events.Now(), request.Service, null, userAgent, receivedAt, "NOT_FOUND", healthy: false, null, "unknown service", started);
            ProbeLogLine.Write(_log, "grpc", $"{CheckPath}({request.Service})", userAgent, remote, "answered", 404, "unknown service", started);
            throw new RpcException(new Status(StatusCode.NotFound, $"unknown service '{request.Service}' (known: \"\", liveness, readiness, startup)"));
        }

        var verdict = _evaluator.Evaluate(kind);
        var probe = $"grpc-{kind.Name()}";
        var path = $"{CheckPath}({request.Service})";
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, _lifetime.ApplicationStopping);
        try
        {
            await verdict.WaitAsync(giveUp.Token);
        }
        catch (OperationCanceledException)
        {
            var abortedBy = context.CancellationToken.IsCancellationRequested ? "client" : "shutdown";
            _events.GrpcAnswered(_events.Now(), request.Service, kind, userAgent, receivedAt, null, healthy: false, abortedBy, verdict.Reason, started);
            ProbeLogLine.Write(_log, probe, path, userAgent, remote, "abandoned", null, verdict.Reason, started);
            throw new RpcException(new Status(StatusCode.Cancelled, "probe abandoned"));
        }

        var serving = verdict.IsHealthy;
        var answer = serving ? "SERVING" : "NOT_SERVING";
        // Logged once the answer is sent, so the event line never holds the answer back and its instant is the send.
        context.GetHttpContext().Response.OnCompleted(() =>
        {
            _events.GrpcAnswered(_events.Now(), request.Service, kind, userAgent, receivedAt, answer, serving, null, verdict.Reason, started);
            return Task.CompletedTask;
        });
        ProbeLogLine.Write(_log, probe, path, userAgent, remote, "answered", serving ? 200 : verdict.StatusCode, $"{answer} ({verdict.Reason})", started);
        return new HealthCheckResponse
        {
            Status = serving ? HealthCheckResponse.Types.ServingStatus.Serving : HealthCheckResponse.Types.ServingStatus.NotServing,
        };
    }

    private static bool TryKind(string service, out ProbeKind kind)
    {
        if (string.IsNullOrEmpty(service))
        {
            kind = ProbeKind.Liveness;
            return true;
        }

        return ProbeKindNames.TryParse(service, out kind);
    }
}
