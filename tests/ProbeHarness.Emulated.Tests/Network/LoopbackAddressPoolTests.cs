using System.Net;
using System.Net.Sockets;
using ProbeHarness.Emulated.Network;

namespace ProbeHarness.Emulated.Tests.Network;

public sealed class LoopbackAddressPoolTests : IDisposable
{
    private readonly string _claims = Path.Combine(Path.GetTempPath(), "probe-harness-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_claims, recursive: true);

    [Fact]
    public void Hands_out_distinct_bindable_loopback_addresses_outside_127_0()
    {
        // Given
        using var pool = new LoopbackAddressPool(_claims);

        // When
        var addresses = Enumerable.Range(0, 300).Select(_ => pool.Allocate()).ToList();

        // Then
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        Assert.All(addresses, a => Assert.StartsWith($"127.{pool.SecondOctet}.", a, StringComparison.Ordinal));
        Assert.DoesNotContain("127.0.0.1", addresses);
        Assert.NotEqual(0, pool.SecondOctet);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(addresses[^1]), 0));
    }

    [Fact]
    public void Two_live_runs_claim_different_subnets_and_a_released_claim_is_free_again()
    {
        // Given
        using var first = new LoopbackAddressPool(_claims);
        int secondSubnet;

        // When
        using (var second = new LoopbackAddressPool(_claims))
        {
            secondSubnet = second.SecondOctet;
        }

        using var third = new LoopbackAddressPool(_claims);

        // Then
        Assert.NotEqual(first.SecondOctet, secondSubnet);
        Assert.Equal(secondSubnet, third.SecondOctet);
    }

    [Fact]
    public void A_claim_left_by_a_dead_run_is_taken_over()
    {
        // Given: a claim file whose owner pid no longer runs.
        int subnet;
        using (var probe = new LoopbackAddressPool(_claims))
        {
            subnet = probe.SecondOctet;
        }

        File.WriteAllText(Path.Combine(_claims, $"127.{subnet}.lock"), """{"processId":2147483000,"startTicks":1,"startedAt":"2020-01-01T00:00:00Z"}""");

        // When
        using var pool = new LoopbackAddressPool(_claims);

        // Then
        Assert.Equal(subnet, pool.SecondOctet);
    }

    [Fact]
    public void The_claims_of_stopped_runs_are_swept_and_a_live_claim_is_kept()
    {
        // Given
        // (two claims of runs whose pid is gone, one of garbage written two minutes ago, and this run's own live claim)
        using var live = new LoopbackAddressPool(_claims);
        var dead = """{"processId":2147483000,"startTicks":1,"startedAt":"2020-01-01T00:00:00Z"}""";
        var others = Enumerable.Range(16, 224).Where(subnet => subnet != live.SecondOctet).Take(3).ToArray();
        File.WriteAllText(Path.Combine(_claims, $"127.{others[0]}.lock"), dead);
        File.WriteAllText(Path.Combine(_claims, $"127.{others[1]}.lock"), dead);
        var garbage = Path.Combine(_claims, $"127.{others[2]}.lock");
        File.WriteAllText(garbage, "{half");
        File.SetLastWriteTimeUtc(garbage, DateTime.UtcNow.AddMinutes(-2));

        // When
        var removed = LoopbackAddressPool.SweepStaleClaims(_claims);

        // Then
        Assert.Equal(3, removed);
        Assert.Equal([$"127.{live.SecondOctet}.lock"], Directory.EnumerateFiles(_claims).Select(Path.GetFileName));
    }

    [Fact]
    public void An_address_a_socket_is_bound_to_is_skipped()
    {
        // Given
        using var pool = new LoopbackAddressPool(_claims);
        var next = $"127.{pool.SecondOctet}.0.1";
        using var listener = new TcpListener(IPAddress.Parse(next), 0);
        listener.Start();

        // When
        var allocated = pool.Allocate();

        // Then
        Assert.NotEqual(next, allocated);
    }
}
