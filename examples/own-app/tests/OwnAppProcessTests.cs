using System.Net;
using OwnApp.Tests.Support;

namespace OwnApp.Tests;

/// <summary>The built service as a process: start line, the delayed TCP listener, bad settings, SIGTERM.</summary>
public sealed class OwnAppProcessTests
{
    [Fact]
    public async Task Start_writes_one_started_line_and_the_service_answers()
    {
        // Given
        await using var app = await OwnAppProcess.StartListeningAsync();

        // When
        using var live = await app.Http.GetAsync("/health/live", TestContext.Current.CancellationToken);

        // Then
        var started = Assert.Single(app.Events(), json => json.GetProperty("event").GetString() == "started");
        Assert.Equal(app.HttpPort, started.GetProperty("port").GetInt32());
        Assert.Equal(app.TcpPort, started.GetProperty("tcpPort").GetInt32());
        Assert.Equal("127.0.0.1", started.GetProperty("bindAddress").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Warmup_ends_in_ready()
    {
        // Given
        await using var app = await OwnAppProcess.StartListeningAsync(new Dictionary<string, string> { ["WARMUP_SECONDS"] = "0.5" });

        // When / Then: ready within the deadline (the 503 phase itself is checked in process, on a fake clock).
        await app.WaitUntilAsync(
            async () =>
            {
                using var ready = await app.Http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
                return ready.StatusCode == HttpStatusCode.OK;
            },
            "/health/ready answering 200");
    }

    [Fact]
    public async Task Tcp_port_opens_after_the_listen_delay_and_accepts_connections()
    {
        // Given: the TCP listener waits; HTTP is up before it.
        await using var app = await OwnAppProcess.StartListeningAsync(new Dictionary<string, string> { ["LISTEN_DELAY_SECONDS"] = "0.3" });

        // When / Then
        await app.WaitUntilAsync(app.TcpAcceptsAsync, $"TCP port {app.TcpPort} accepting");
        Assert.True(await app.TcpAcceptsAsync());
    }

    [Theory]
    [InlineData("PORT", "eighty")]
    [InlineData("TCP_PORT", "-1")]
    [InlineData("BIND_ADDRESS", "not-an-ip")]
    [InlineData("WARMUP_SECONDS", "soon")]
    [InlineData("LISTEN_DELAY_SECONDS", "-0.5")]
    public async Task A_bad_variable_exits_2_naming_it(string variable, string value)
    {
        // Given
        await using var app = OwnAppProcess.Start(new Dictionary<string, string> { [variable] = value });

        // When
        var exitCode = await app.WaitForExitAsync();

        // Then
        Assert.Equal(ExitCodes.BadSettings, exitCode);
        Assert.Contains(variable, app.ErrorOutput, StringComparison.Ordinal);
        var exited = Assert.Single(app.Events());
        Assert.Equal("exited", exited.GetProperty("event").GetString());
        Assert.Equal(variable, exited.GetProperty("variable").GetString());
    }

    [Fact]
    public async Task Sigterm_stops_gracefully_with_exit_0_and_stopping_and_exited_lines()
    {
        // Given
        await using var app = await OwnAppProcess.StartListeningAsync();

        // When
        app.Terminate();
        var exitCode = await app.WaitForExitAsync();

        // Then
        Assert.Equal(ExitCodes.Stopped, exitCode);
        Assert.Equal(["started", "stopping", "exited"], app.Events().Select(json => json.GetProperty("event").GetString()));
        Assert.Equal("SIGTERM", app.Events()[1].GetProperty("signal").GetString());
        Assert.Equal(0, app.Events()[2].GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task Sigterm_during_the_listen_delay_still_stops_gracefully()
    {
        // Given: the TCP port would open only after a long delay.
        await using var app = await OwnAppProcess.StartListeningAsync(new Dictionary<string, string> { ["LISTEN_DELAY_SECONDS"] = "600" });

        // When
        app.Terminate();
        var exitCode = await app.WaitForExitAsync();

        // Then
        Assert.Equal(ExitCodes.Stopped, exitCode);
        Assert.Equal("graceful stop", app.Events()[^1].GetProperty("reason").GetString());
    }
}
