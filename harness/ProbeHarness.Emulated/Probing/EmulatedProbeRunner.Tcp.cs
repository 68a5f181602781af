using System.Net;
using System.Net.Sockets;
using k8s.Models;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Probing;

/// <summary>TCP probes (<c>pkg/probe/tcp</c>): connect within the timeout, close at once without sending anything.</summary>
public sealed partial class EmulatedProbeRunner
{
    private async Task<ProbeOutcome> TcpSocketAsync(V1TCPSocketAction tcpSocket, ProbeTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (port, portError) = ProbePorts.Resolve(tcpSocket.Port, target.Container);
        if (portError is not null)
        {
            return new ProbeOutcome(ProbeResult.Unknown, "", portError);
        }

        var host = string.IsNullOrEmpty(tcpSocket.Host) ? target.PodIp : tcpSocket.Host;
        var error = await DialAsync(host, port, timeout, cancellationToken).ConfigureAwait(false);
        return error is null ? new ProbeOutcome(ProbeResult.Success, "") : new ProbeOutcome(ProbeResult.Failure, error);
    }

    /// <summary>Connects and closes; null on success, else Go's dial error text.</summary>
    private async Task<string?> DialAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            var address = IPAddress.TryParse(host, out var literal)
                ? literal
                : (await Dns.GetHostAddressesAsync(host, linked.Token).ConfigureAwait(false))[0];
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(new IPEndPoint(address, port), linked.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return GoText.DialTimeout(host, port);
        }
        catch (SocketException e)
        {
            return GoText.DialError(host, port, e);
        }
    }
}
