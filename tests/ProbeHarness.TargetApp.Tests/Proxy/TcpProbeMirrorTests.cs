using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Proxy;

public sealed class TcpProbeMirrorTests(ProxiedTargetApp shared) : IClassFixture<ProxiedTargetApp>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_route_accepts_while_the_app_port_accepts()
    {
        // Given
        await shared.ResetAsync();

        // When
        var direct = await TargetAppProcess.IsAcceptingAsync(shared.App.TcpPort);
        var proxied = await TargetAppProcess.IsAcceptingAsync(shared.TcpRoutePort);

        // Then
        Assert.True(direct);
        Assert.Equal(direct, proxied);
        var line = await shared.Proxy.WaitForEventAsync("tcp-accepted", json => json.GetProperty("port").GetInt32() == shared.TcpRoutePort);
        Assert.True(line.GetProperty("proxied").GetBoolean());
        Assert.Equal("readiness", line.GetProperty("probe").GetString());
    }

    [Fact]
    public async Task The_route_refuses_while_the_app_port_refuses()
    {
        // Given
        await shared.ResetAsync();

        // When
        using var closed = await shared.App.PutFaultAsync("tcp", "{\"open\":false}");
        await Poll.UntilAsync(() => ProxiedTargetApp.IsRefusedAsync(shared.TcpRoutePort), Deadline, "the route to close after the app's port");

        // Then
        Assert.True(await ProxiedTargetApp.IsRefusedAsync(shared.App.TcpPort));
        Assert.True(await ProxiedTargetApp.IsRefusedAsync(shared.DeadRoutePorts.Tcp));
    }

    [Fact]
    public async Task A_closed_tcp_fault_on_the_proxy_refuses_although_the_app_accepts_and_reopening_accepts_again()
    {
        // Given
        await shared.ResetAsync();

        // When
        using var closed = await shared.Proxy.PutFaultAsync("tcp", "{\"open\":false}");
        var refusedWhileClosed = await ProxiedTargetApp.IsRefusedAsync(shared.TcpRoutePort);
        using var open = await shared.Proxy.PutFaultAsync("tcp", "{\"open\":true}");

        // Then
        Assert.True(refusedWhileClosed);
        Assert.True(await TargetAppProcess.IsAcceptingAsync(shared.App.TcpPort));
        await Poll.UntilAsync(() => TargetAppProcess.IsAcceptingAsync(shared.TcpRoutePort), Deadline, "the route to reopen");
    }
}
