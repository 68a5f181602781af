using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using k8s.Models;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Probing;

/// <summary>gRPC probes (<c>pkg/probe/grpc</c>): <c>grpc.health.v1.Health/Check</c> over h2c, one deadline for dial and call.</summary>
public sealed partial class EmulatedProbeRunner
{
    private static readonly TimeSpan DialRetry = TimeSpan.FromMilliseconds(50);

    private async Task<ProbeOutcome> GrpcAsync(V1GRPCAction grpc, ProbeTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var address = GoText.HostPort(target.PodIp, grpc.Port);
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);

        // grpc.WithBlock: the dial keeps retrying until it connects or the deadline passes.
        if (!await DialUntilConnectedAsync(target.PodIp, grpc.Port, linked.Token).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new ProbeOutcome(ProbeResult.Failure,
                $"timeout: failed to connect service {GoText.Quote(address)} within {GoText.Duration(timeout)}: context deadline exceeded");
        }

        // DisposeHttpClient: disposing the channel disposes the handlers too.
        using var channel = GrpcChannel.ForAddress($"http://{address}", new GrpcChannelOptions
        {
            HttpHandler = new UserAgentHandler(UserAgent, new SocketsHttpHandler { UseProxy = false }),
            DisposeHttpClient = true,
        });
        var client = new Health.HealthClient(channel);
        HealthCheckResponse response;
        try
        {
            response = await client.CheckAsync(
                new HealthCheckRequest { Service = grpc.Service ?? "" },
                cancellationToken: linked.Token).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            return new ProbeOutcome(ProbeResult.Failure,
                $"error: this server does not implement the grpc health protocol (grpc.health.v1.Health): {e.Status.Detail}");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded || deadline.IsCancellationRequested)
        {
            return new ProbeOutcome(ProbeResult.Failure, $"timeout: health rpc did not complete within {GoText.Duration(timeout)}");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return new ProbeOutcome(ProbeResult.Failure, $"timeout: health rpc did not complete within {GoText.Duration(timeout)}");
        }
        catch (RpcException e)
        {
            return new ProbeOutcome(ProbeResult.Failure, $"error: health rpc probe failed: rpc error: code = {GoCode(e.StatusCode)} desc = {e.Status.Detail}");
        }

        return response.Status == HealthCheckResponse.Types.ServingStatus.Serving
            ? new ProbeOutcome(ProbeResult.Success, "service healthy")
            : new ProbeOutcome(ProbeResult.Failure, $"service unhealthy (responded with {GoText.Quote(GoStatusName(response.Status))})");
    }

    private async Task<bool> DialUntilConnectedAsync(string host, int port, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Parse(host), port, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (System.Net.Sockets.SocketException)
            {
                try
                {
                    await Task.Delay(DialRetry, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }

    private static string GoStatusName(HealthCheckResponse.Types.ServingStatus status) => status switch
    {
        HealthCheckResponse.Types.ServingStatus.Serving => "SERVING",
        HealthCheckResponse.Types.ServingStatus.NotServing => "NOT_SERVING",
        HealthCheckResponse.Types.ServingStatus.ServiceUnknown => "SERVICE_UNKNOWN",
        _ => "UNKNOWN",
    };

    // Go's codes.Code.String() spells Cancelled "Canceled"; every other name matches.
    private static string GoCode(StatusCode code) => code == StatusCode.Cancelled ? "Canceled" : code.ToString();

    /// <summary>Sends the kubelet's user agent on every gRPC request.</summary>
    private sealed class UserAgentHandler(string userAgent, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.UserAgent.Clear();
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
