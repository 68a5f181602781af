using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests;

public sealed class TargetAppRunnerTests
{
    [Fact]
    public async Task With_LISTEN_DELAY_no_port_opens_until_the_delay_has_passed()
    {
        // Given
        var watch = Stopwatch.StartNew();
        await using var app = await TargetAppProcess.StartAsync(
            // Long enough that the port checks below come well inside it on a starved machine.
            new Dictionary<string, string?> { ["LISTEN_DELAY_SECONDS"] = "10" },
            waitUntilListening: false);
        await app.WaitForLineAsync(json => json.GetProperty("kind").GetString() == "start", TimeSpan.FromSeconds(30));

        // When
        var httpOpenEarly = await TargetAppProcess.IsAcceptingAsync(app.HttpPort);
        var tcpOpenEarly = await TargetAppProcess.IsAcceptingAsync(app.TcpPort);
        var grpcOpenEarly = await TargetAppProcess.IsAcceptingAsync(app.GrpcPort);
        await app.WaitUntilListeningAsync(TimeSpan.FromSeconds(30));

        // Then
        Assert.False(httpOpenEarly);
        Assert.False(tcpOpenEarly);
        Assert.False(grpcOpenEarly);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(10), $"listening after {watch.Elapsed}");
        Assert.Equal(200, await app.StatusOfAsync("/healthz"));
    }

    [Fact]
    public async Task FAULTS_AT_START_applies_its_faults_with_their_delays()
    {
        // Given
        var faults = """{"liveness":{"mode":"fail","afterSeconds":1},"readiness":{"mode":"fail","status":503},"tcp":{"open":false}}""";

        // When
        await using var app = await TargetAppProcess.StartAsync(new Dictionary<string, string?> { ["FAULTS_AT_START"] = faults });

        // Then
        Assert.Equal(503, await app.StatusOfAsync("/readyz"));
        Assert.False(await TargetAppProcess.IsAcceptingAsync(app.TcpPort));
        await Poll.UntilAsync(async () => await app.StatusOfAsync("/healthz") == 500, TimeSpan.FromSeconds(5), "liveness failing after 1 s");
        var start = await app.WaitForLineAsync(json => json.GetProperty("kind").GetString() == "start", TimeSpan.FromSeconds(1));
        Assert.Equal("FAULTS_AT_START", start.GetProperty("faultsSource").GetString());
    }

    [Theory]
    [InlineData("""{"liveness":{"mode":"explode"}}""", "liveness.mode")]
    [InlineData("""{"liveness":{"mode":"fail"}""", "malformed JSON at line 1")]
    [InlineData("""{"heartbeat":{"mode":"fail"}}""", "heartbeat")]
    public async Task A_bad_FAULTS_AT_START_exits_2_naming_the_variable_and_the_problem(string faults, string named)
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(
            new Dictionary<string, string?> { ["FAULTS_AT_START"] = faults },
            waitUntilListening: false);

        // When
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        // Then
        Assert.Equal(2, exitCode);
        Assert.Contains("FAULTS_AT_START", app.ErrorOutput);
        Assert.Contains(named, app.ErrorOutput);
    }

    [Theory]
    [InlineData("PORT", "http")]
    [InlineData("LISTEN_DELAY_SECONDS", "soon")]
    [InlineData("IGNORE_SIGTERM", "maybe")]
    [InlineData("BIND_ADDRESS", "localhost:80")]
    public async Task A_bad_environment_variable_exits_2_naming_it(string variable, string value)
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(
            new Dictionary<string, string?> { [variable] = value },
            waitUntilListening: false);

        // When
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        // Then
        Assert.Equal(2, exitCode);
        Assert.Contains($"{variable}: '{value}'", app.ErrorOutput);
    }

    [Fact]
    public async Task A_port_in_use_exits_3_naming_the_problem()
    {
        // Given
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        await using var app = await TargetAppProcess.StartAsync(
            new Dictionary<string, string?> { ["PORT"] = port.ToString() },
            waitUntilListening: false);

        // When
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        // Then
        Assert.Equal(3, exitCode);
        Assert.Contains(port.ToString(), app.ErrorOutput);
    }

    [Fact]
    public async Task With_FAULT_STATE_DIR_a_fault_survives_a_restart()
    {
        // Given
        var stateDirectory = Directory.CreateTempSubdirectory("fault-state-").FullName;
        var environment = new Dictionary<string, string?> { ["FAULT_STATE_DIR"] = stateDirectory };
        try
        {
            await using (var first = await TargetAppProcess.StartAsync(environment))
            {
                using var put = await first.PutFaultAsync("liveness", "{\"mode\":\"fail\",\"status\":503}");
                Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(10)));
            }

            // When
            await using var second = await TargetAppProcess.StartAsync(environment);

            // Then
            Assert.Equal(503, await second.StatusOfAsync("/healthz"));
            var start = await second.WaitForLineAsync(json => json.GetProperty("kind").GetString() == "start", TimeSpan.FromSeconds(1));
            Assert.Equal("FAULT_STATE_DIR", start.GetProperty("faultsSource").GetString());
        }
        finally
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Without_FAULT_STATE_DIR_a_restart_clears_the_fault()
    {
        // Given
        await using (var first = await TargetAppProcess.StartAsync())
        {
            using var put = await first.PutFaultAsync("liveness", "{\"mode\":\"fail\",\"status\":503}");
            Assert.Equal(503, await first.StatusOfAsync("/healthz"));
            Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(10)));
        }

        // When
        await using var second = await TargetAppProcess.StartAsync();

        // Then
        Assert.Equal(200, await second.StatusOfAsync("/healthz"));
    }

    [Fact]
    public async Task The_start_line_carries_the_instance_id_and_settings_and_the_listening_line_the_start_time()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();

        // When
        var start = await app.WaitForLineAsync(json => json.GetProperty("kind").GetString() == "start", TimeSpan.FromSeconds(1));
        var listening = await app.WaitForLineAsync(json => json.GetProperty("kind").GetString() == "listening", TimeSpan.FromSeconds(1));

        // Then
        Assert.Matches("^[0-9a-f]{12}$", start.GetProperty("instance").GetString());
        Assert.Equal(app.HttpPort, start.GetProperty("settings").GetProperty("port").GetInt32());
        Assert.Equal("127.0.0.1", start.GetProperty("settings").GetProperty("bindAddress").GetString());
        Assert.True(listening.GetProperty("msSinceProcessStart").GetDouble() > 0);
    }
}
