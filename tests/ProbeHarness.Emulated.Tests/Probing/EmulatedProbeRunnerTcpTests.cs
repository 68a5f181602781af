using System.Net;
using System.Net.Sockets;
using k8s.Models;
using ProbeHarness.Emulated.Probing;
using ProbeHarness.Emulated.Tests.Support;
using ProbeHarness.Kubelet;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Tests.Probing;

public sealed class EmulatedProbeRunnerTcpTests : IDisposable
{
    private readonly EmulatedProbeRunner _runner = new(new KubeletOptions());

    public void Dispose() => _runner.Dispose();

    [Fact]
    public async Task A_listening_port_succeeds_and_gets_no_data()
    {
        // Given
        var address = TestAddresses.Next();
        using var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptTcpClientAsync(TestContext.Current.CancellationToken);

        // When
        var outcome = await RunAsync(address, port);

        // Then: the prober closed at once without sending anything.
        Assert.Equal(new ProbeOutcome(ProbeResult.Success, ""), outcome);
        using var client = await accepted;
        var buffer = new byte[16];
        Assert.Equal(0, await client.GetStream().ReadAsync(buffer, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_closed_port_fails_with_connection_refused()
    {
        // Given
        var address = TestAddresses.Next();

        // When
        var outcome = await RunAsync(address, 8081);

        // Then
        Assert.Equal(new ProbeOutcome(ProbeResult.Failure, $"dial tcp {address}:8081: connect: connection refused"), outcome);
    }

    private Task<ProbeOutcome> RunAsync(string address, int port) =>
        _runner.RunAsync(
            new V1Probe { TcpSocket = new V1TCPSocketAction { Port = port }, TimeoutSeconds = 1 },
            new ProbeTarget(address, new V1Container { Name = "c" }, new UnusedInstance()),
            TestContext.Current.CancellationToken);
}
