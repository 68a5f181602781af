using System.Text.Json;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Tcp;

public sealed class TcpProbeListenerTests
{
    [Fact]
    public async Task The_tcp_port_closes_and_reopens_on_request()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        var openAtStart = await TargetAppProcess.IsAcceptingAsync(app.TcpPort);

        // When
        using var close = await app.PutFaultAsync("tcp", "{\"open\":false}");
        var openWhileClosed = await TargetAppProcess.IsAcceptingAsync(app.TcpPort);
        using var reopen = await app.PutFaultAsync("tcp", "{\"open\":true}");
        var openAfterReopen = await TargetAppProcess.IsAcceptingAsync(app.TcpPort);

        // Then
        Assert.True(openAtStart);
        Assert.False(openWhileClosed);
        Assert.True(openAfterReopen);
        Assert.Equal(200, await app.StatusOfAsync("/healthz"));
    }

    [Fact]
    public async Task Reopening_works_right_after_connections_were_accepted()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await TargetAppProcess.IsAcceptingAsync(app.TcpPort));
        }

        // When
        using var close = await app.PutFaultAsync("tcp", "{\"open\":false}");
        using var reopen = await app.PutFaultAsync("tcp", "{\"open\":true}");

        // Then
        Assert.True(await TargetAppProcess.IsAcceptingAsync(app.TcpPort));
        Assert.DoesNotContain(app.OutputLines, line => line.Contains("\"kind\":\"error\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_tcp_connection_is_logged_as_a_probe()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();

        // When
        Assert.True(await TargetAppProcess.IsAcceptingAsync(app.TcpPort));

        // Then
        var line = await app.WaitForLineAsync(
            json => json.GetProperty("kind").GetString() == "probe" && json.GetProperty("probe").GetString() == "tcp",
            TimeSpan.FromSeconds(5));
        Assert.Equal("connected", line.GetProperty("result").GetString());
        Assert.Equal($"tcp:{app.TcpPort}", line.GetProperty("path").GetString());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("status").ValueKind);
    }
}
