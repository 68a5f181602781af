using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Probes;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ProbeHarness.TargetApp.Proxy;

/// <summary>A gRPC route: <c>grpc.health.v1.Health/Check</c> on the route's listener; the fault answers as <see cref="Grpc.GrpcHealthService"/> does, else the check is forwarded to the app.</summary>
/// <remarks>The app's answer or RPC status (Unavailable when it does not accept the connection) is returned as it is.</remarks>
public sealed class GrpcProbeProxy : Health.HealthBase, IDisposable
{
    private readonly ProxySettings _proxy;
    private readonly ProbeEvaluator _evaluator;
    private readonly JsonLineLog _log;
    private readonly AppEventLog _events;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly Dictionary<int, GrpcChannel> _channels;

    /// <summary>Creates the proxy with one channel per app port of a gRPC route.</summary>
    public GrpcProbeProxy(TargetAppSettings settings, ProbeEvaluator evaluator, JsonLineLog log, AppEventLog events, IHostApplicationLifetime lifetime)
    {
        _proxy = settings.Proxy ?? throw new InvalidOperationException("the gRPC probe proxy needs PROXY_ROUTES");
        _evaluator = evaluator;
        _log = log;
        _events = events;
        _lifetime = lifetime;
        var host = IPAddress.TryParse(_proxy.AppHost, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{_proxy.AppHost}]" : _proxy.AppHost;
        _channels = _proxy.Routes.Where(route => route.Protocol == ProxyProtocol.Grpc).Select(route => route.AppPort).Distinct()
            .ToDictionary(port => port, port => GrpcChannel.ForAddress($"http://{host}:{port}", new GrpcChannelOptions
            {
                // An HttpClient (not a handler) keeps the channel off client-side load balancing, whose reconnect backoff
                // would go on answering Unavailable for a while after the app came back.
                HttpClient = new HttpClient(new SocketsHttpHandler { UseProxy = false, ActivityHeadersPropagator = null, EnableMultipleHttp2Connections = true })
                {
                    Timeout = Timeout.InfiniteTimeSpan,
                },
                DisposeHttpClient = true,
                MaxRetryAttempts = 0,
            }));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }

    /// <inheritdoc />
    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var receivedAt = _events.Now();
        var started = Stopwatch.GetTimestamp();
        var userAgent = context.RequestHeaders.GetValue("user-agent");
        var localPort = context.GetHttpContext().Connection.LocalPort;
        if (_proxy.RouteOn(localPort) is not { Protocol: ProxyProtocol.Grpc } route)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, $"port {localPort} is not a gRPC proxy route"));
        }

        var verdict = _evaluator.Evaluate(route.Probe);
        var probe = $"grpc-{route.Probe.Name()}";
        var path = $"/grpc.health.v1.Health/Check({request.Service})";
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, _lifetime.ApplicationStopping);
        try
        {
            await verdict.WaitAsync(giveUp.Token);
        }
        catch (OperationCanceledException)
        {
            throw Abandoned(null, verdict.Reason);
        }

        if (verdict.Action == ProbeAction.Redirect || !verdict.IsHealthy)
        {
            // As GrpcHealthService: a failing verdict is NOT_SERVING, a redirect SERVING, without asking the app.
            var serving = verdict.IsHealthy;
            var answer = serving ? "SERVING" : "NOT_SERVING";
            Log(new ProxiedAnswer("answered", serving, null, ServingStatus: answer), verdict.Reason, serving ? 200 : verdict.StatusCode);
            return new HealthCheckResponse { Status = serving ? ServingStatus.Serving : ServingStatus.NotServing };
        }

        var reason = verdict.Reason == "ok" ? "forwarded" : $"{verdict.Reason}, forwarded";
        var client = new Health.HealthClient(_channels[route.AppPort]);
        var upstreamStarted = Stopwatch.GetTimestamp();
        try
        {
            var response = await client.CheckAsync(new HealthCheckRequest { Service = request.Service }, deadline: context.Deadline, cancellationToken: giveUp.Token);
            var upstreamMs = Stopwatch.GetElapsedTime(upstreamStarted).TotalMilliseconds;
            var serving = response.Status == ServingStatus.Serving;
            Log(new ProxiedAnswer("answered", serving, upstreamMs, ServingStatus: ServingName(response.Status)), reason, serving ? 200 : 503);
            return response;
        }
        catch (RpcException exception) when (!giveUp.IsCancellationRequested)
        {
            var upstreamMs = Stopwatch.GetElapsedTime(upstreamStarted).TotalMilliseconds;
            Log(new ProxiedAnswer("failed", false, upstreamMs, GrpcStatus: exception.StatusCode.ToString()), $"{reason}: {exception.Status.Detail}", null);
            throw new RpcException(new Status(exception.StatusCode, exception.Status.Detail));
        }
        catch (Exception exception) when (exception is RpcException or OperationCanceledException)
        {
            throw Abandoned(Stopwatch.GetElapsedTime(upstreamStarted).TotalMilliseconds, reason);
        }

        RpcException Abandoned(double? upstreamMs, string why)
        {
            var abortedBy = context.CancellationToken.IsCancellationRequested ? "client" : "shutdown";
            Log(new ProxiedAnswer("aborted", false, upstreamMs, AbortedBy: abortedBy), why, null);
            return new RpcException(new Status(StatusCode.Cancelled, "probe abandoned"));
        }

        void Log(ProxiedAnswer answer, string why, int? status)
        {
            if (answer.Outcome == "answered")
            {
                // Logged once the answer is sent, as GrpcHealthService does: the line never holds the answer back.
                context.GetHttpContext().Response.OnCompleted(() =>
                {
                    _events.ProxiedGrpcAnswered(_events.Now(), request.Service, route.Probe, userAgent, receivedAt, answer, why, started);
                    return Task.CompletedTask;
                });
            }
            else
            {
                _events.ProxiedGrpcAnswered(_events.Now(), request.Service, route.Probe, userAgent, receivedAt, answer, why, started);
            }

            ProbeLogLine.Write(_log, probe, path, userAgent, context.Peer, answer.Answered ? "answered" : "abandoned", status, $"{answer.ServingStatus ?? answer.GrpcStatus ?? "aborted"} ({why})", started);
        }
    }

    private static string ServingName(ServingStatus status) => status switch
    {
        ServingStatus.Serving => "SERVING",
        ServingStatus.NotServing => "NOT_SERVING",
        ServingStatus.ServiceUnknown => "SERVICE_UNKNOWN",
        _ => "UNKNOWN",
    };
}
