using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Grpc.Health.V1;
using Grpc.Net.Client;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Logging;

public sealed class AppEventLogTests
{
    private const string Millisecond = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_probe_answer_is_one_event_line_with_millisecond_instants_taken_while_it_was_served()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var fault = await app.PutFaultAsync("liveness", """{"mode":"fail","status":503}""");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.UserAgent.ParseAdd("kube-probe/1.32");

        // When
        var before = Truncated(DateTimeOffset.UtcNow);
        using var response = await app.Http.SendAsync(request, Token);
        var after = DateTimeOffset.UtcNow;
        Assert.Equal(503, (int)response.StatusCode);
        var answered = await app.WaitForEventAsync("probe-answered", json => json.GetProperty("path").GetString() == "/healthz");

        // Then
        Assert.Equal("probeHarnessEvent", answered.EnumerateObject().First().Name);
        Assert.Equal("event", answered.GetProperty("kind").GetString());
        Assert.Equal("liveness", answered.GetProperty("probe").GetString());
        Assert.Equal("kube-probe/1.32", answered.GetProperty("userAgent").GetString());
        Assert.Equal(503, answered.GetProperty("status").GetInt32());
        Assert.False(answered.GetProperty("healthy").GetBoolean());
        Assert.False(answered.TryGetProperty("aborted", out _));
        Assert.Matches(Millisecond, answered.GetProperty("at").GetString());
        Assert.Matches(Millisecond, answered.GetProperty("receivedAt").GetString());
        var at = Instant(answered, "at");
        var receivedAt = Instant(answered, "receivedAt");
        Assert.InRange(receivedAt, before, at);
        Assert.InRange(at, receivedAt, after);
        Assert.InRange(Instant(answered, "sendingAt"), receivedAt, at);
        Assert.True(answered.GetProperty("durationMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task A_hang_the_client_gives_up_on_is_logged_as_aborted_when_it_is_aborted()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var fault = await app.PutFaultAsync("readiness", """{"mode":"hang"}""");
        using var prober = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };

        // When
        await Assert.ThrowsAsync<TaskCanceledException>(() => prober.GetAsync($"http://127.0.0.1:{app.HttpPort}/readyz", Token));
        var aborted = await app.WaitForEventAsync("probe-answered", json => json.GetProperty("path").GetString() == "/readyz");

        // Then
        Assert.True(aborted.GetProperty("aborted").GetBoolean());
        Assert.Equal("client", aborted.GetProperty("abortedBy").GetString());
        Assert.False(aborted.TryGetProperty("status", out _));
        Assert.Equal("readiness", aborted.GetProperty("probe").GetString());
        var waited = Instant(aborted, "at") - Instant(aborted, "receivedAt");
        Assert.InRange(waited, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_fault_request_logs_when_it_took_effect_and_a_scheduled_window_logs_its_own_instants()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();

        // When
        var before = Truncated(DateTimeOffset.UtcNow);
        using var fault = await app.PutFaultAsync("liveness", """{"mode":"fail","afterSeconds":0.5,"forSeconds":0.5}""");
        var after = DateTimeOffset.UtcNow;
        var applied = await app.WaitForEventAsync("fault-applied");
        var active = await app.WaitForEventAsync("fault-active");
        var ended = await app.WaitForEventAsync("fault-ended");
        var fileGone = await app.WaitForEventAsync("health-file-changed", json => !json.GetProperty("present").GetBoolean());

        // Then
        Assert.Equal("api", applied.GetProperty("source").GetString());
        Assert.Equal("PUT", applied.GetProperty("method").GetString());
        Assert.Equal("/faults/liveness", applied.GetProperty("path").GetString());
        Assert.Equal("liveness", applied.GetProperty("probe").GetString());
        Assert.Equal("fail", applied.GetProperty("mode").GetString());
        Assert.Equal(500, applied.GetProperty("status").GetInt32());
        Assert.InRange(Instant(applied, "at"), before, after);
        Assert.Equal(applied.GetProperty("activeFrom").GetString(), active.GetProperty("at").GetString());
        Assert.Equal(applied.GetProperty("activeUntil").GetString(), ended.GetProperty("at").GetString());
        Assert.InRange(Instant(ended, "at") - Instant(active, "at"), TimeSpan.FromMilliseconds(499), TimeSpan.FromMilliseconds(501));
        Assert.InRange(Instant(fileGone, "at"), Instant(active, "at"), Instant(ended, "at"));
    }

    [Fact]
    public async Task Faults_at_start_are_applied_events_and_a_window_that_opened_during_the_listen_delay_is_still_logged()
    {
        // Given
        var environment = new Dictionary<string, string?>
        {
            ["FAULTS_AT_START"] = """{"readiness":{"mode":"fail","afterSeconds":0.2},"tcp":{"open":false}}""",
            ["LISTEN_DELAY_SECONDS"] = "1",
        };

        // When
        await using var app = await TargetAppProcess.StartAsync(environment);
        var active = await app.WaitForEventAsync("fault-active");

        // Then
        var events = app.EventLines();
        var readiness = Assert.Single(events, e => e.GetProperty("probeHarnessEvent").GetString() == "fault-applied" && e.GetProperty("target").GetString() == "readiness");
        var tcp = Assert.Single(events, e => e.GetProperty("probeHarnessEvent").GetString() == "fault-applied" && e.GetProperty("target").GetString() == "tcp");
        Assert.Equal("FAULTS_AT_START", readiness.GetProperty("source").GetString());
        Assert.False(readiness.TryGetProperty("method", out _));
        Assert.False(tcp.GetProperty("open").GetBoolean());
        Assert.Equal(readiness.GetProperty("activeFrom").GetString(), active.GetProperty("at").GetString());
        Assert.Equal("readiness", active.GetProperty("probe").GetString());
    }

    [Fact]
    public async Task Sigterm_logs_signal_received_then_process_exiting_with_the_exit_code_as_the_last_event()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(new Dictionary<string, string?> { ["EXIT_CODE_ON_SIGTERM"] = "143" });

        // When
        var sent = Truncated(DateTimeOffset.UtcNow);
        var exitCode = await app.StopAsync(TimeSpan.FromSeconds(10));
        var exited = DateTimeOffset.UtcNow;

        // Then
        Assert.Equal(143, exitCode);
        var events = app.EventLines();
        Assert.Equal("process-started", Name(events[0]));
        Assert.Contains(events, e => Name(e) == "listening");
        var signal = Assert.Single(events, e => Name(e) == "signal-received");
        var exiting = events[^1];
        Assert.Equal("process-exiting", Name(exiting));
        Assert.Equal(143, exiting.GetProperty("exitCode").GetInt32());
        Assert.Equal("SIGTERM", signal.GetProperty("signal").GetString());
        Assert.Equal("stopping", signal.GetProperty("action").GetString());
        Assert.InRange(Instant(signal, "at"), sent, Instant(exiting, "at"));
        Assert.InRange(Instant(exiting, "at"), Instant(signal, "at"), exited);
        Assert.Matches(Millisecond, events[0].GetProperty("processStartedAt").GetString());
        Assert.True(Instant(events[0], "processStartedAt") <= Instant(events[0], "at"));
    }

    [Fact]
    public async Task A_crash_logs_process_exiting_with_its_exit_code_before_the_process_is_gone()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();

        // When
        using var response = await app.PostFaultAsync("crash", """{"exitCode":7}""");
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(10));

        // Then
        Assert.Equal(7, exitCode);
        var events = app.EventLines();
        var crash = Assert.Single(events, e => Name(e) == "fault-applied");
        var exiting = events[^1];
        Assert.Equal("crash", crash.GetProperty("target").GetString());
        Assert.Equal("process-exiting", Name(exiting));
        Assert.Equal(7, exiting.GetProperty("exitCode").GetInt32());
        Assert.Equal("crash requested", exiting.GetProperty("reason").GetString());
        Assert.True(Instant(exiting, "at") >= Instant(crash, "at"));
    }

    [Fact]
    public async Task A_tcp_accept_and_a_grpc_check_are_events_too()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{app.GrpcPort}");
        var client = new Health.HealthClient(channel);

        // When
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, app.TcpPort, Token);
        }

        await client.CheckAsync(new HealthCheckRequest { Service = "readiness" }, cancellationToken: Token);
        var accepted = await app.WaitForEventAsync("tcp-accepted");
        var grpc = await app.WaitForEventAsync("grpc-answered");

        // Then
        Assert.Equal(app.TcpPort, accepted.GetProperty("port").GetInt32());
        Assert.Matches(Millisecond, accepted.GetProperty("at").GetString());
        Assert.Equal("readiness", grpc.GetProperty("probe").GetString());
        Assert.Equal("SERVING", grpc.GetProperty("servingStatus").GetString());
        Assert.True(grpc.GetProperty("healthy").GetBoolean());
        Assert.True(Instant(grpc, "receivedAt") <= Instant(grpc, "at"));
    }

    [Fact]
    public void An_event_line_starts_with_the_marker_and_its_instant_then_the_common_fields()
    {
        // Given
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var log = new JsonLineLog("abc123", output);
        var at = new DateTimeOffset(2026, 12, 2, 13, 4, 5, 123, TimeSpan.Zero).AddTicks(4_567);

        // When
        log.WriteEvent("probe-answered", at, json => json.WriteNumber("status", 500));

        // Then
        var line = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(["probeHarnessEvent", "at", "time", "kind", "instance", "status"], line.EnumerateObject().Select(property => property.Name));
        Assert.Equal("probe-answered", line.GetProperty("probeHarnessEvent").GetString());
        Assert.Equal("2026-12-02T13:04:05.123Z", line.GetProperty("at").GetString());
        Assert.Equal("event", line.GetProperty("kind").GetString());
    }

    private static string? Name(JsonElement line) => line.GetProperty("probeHarnessEvent").GetString();

    private static DateTimeOffset Instant(JsonElement line, string field) =>
        DateTimeOffset.Parse(line.GetProperty(field).GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    // The log truncates to whole milliseconds, so a harness reading taken just before may be up to 1 ms later than the logged instant.
    private static DateTimeOffset Truncated(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
