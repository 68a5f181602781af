using System.Text.Json;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Proxy;

public sealed class HttpProbeProxyTests(ProxiedTargetApp shared) : IClassFixture<ProxiedTargetApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("healthy", "/healthz", null, null)]
    [InlineData("503", "/readyz", "readiness", "{\"mode\":\"fail\",\"status\":503}")]
    [InlineData("302 with Location", "/startupz", "startup", "{\"mode\":\"redirect\",\"location\":\"/healthz-target\"}")]
    [InlineData("slow", "/healthz", "liveness", "{\"mode\":\"slow\",\"delayMs\":300}")]
    [InlineData("query string", "/healthz-target?probe=1&x=%2F", null, null)]
    public async Task A_probe_through_the_proxy_gets_what_a_direct_probe_gets(string answer, string path, string? appFault, string? body)
    {
        // Given
        await shared.ResetAsync();
        if (appFault is not null)
        {
            using var applied = await shared.App.PutFaultAsync(appFault, body!);
            Assert.True(applied.IsSuccessStatusCode, answer);
        }

        using var probes = new ProbeClient();

        // When
        var direct = await probes.ProbeAsync(shared.App.HttpPort, path);
        var proxied = await probes.ProbeAsync(shared.HttpRoutePort, path);

        // Then
        Assert.Equal(direct, proxied);
        Assert.DoesNotContain("connection error", direct);
    }

    [Fact]
    public async Task A_refused_app_port_is_a_connection_error_through_the_proxy_too()
    {
        // Given
        using var probes = new ProbeClient();

        // When
        var direct = await probes.ProbeAsync(shared.ClosedPort, "/healthz");
        var proxied = await probes.ProbeAsync(shared.DeadRoutePorts.Http, "/healthz");

        // Then
        Assert.Equal("connection error", direct);
        Assert.Equal(direct, proxied);
        var line = await shared.DeadProxy.WaitForEventAsync("probe-answered", json => json.GetProperty("outcome").GetString() == "refused");
        Assert.Equal("app", line.GetProperty("abortedBy").GetString());
        Assert.True(line.GetProperty("proxied").GetBoolean());
    }

    [Fact]
    public async Task A_fail_fault_on_the_proxy_answers_as_the_target_app_does_without_asking_the_app()
    {
        // Given
        await shared.ResetAsync();
        using var fail = await shared.Proxy.PutFaultAsync("liveness", "{\"mode\":\"fail\",\"status\":503}");
        using var probes = new ProbeClient();

        // When
        var proxied = await probes.ProbeAsync(shared.HttpRoutePort, "/anything");

        // Then
        Assert.StartsWith("503 ", proxied);
        Assert.Contains("\"reason\":\"fault:fail\"", proxied);
        var line = await shared.Proxy.WaitForEventAsync("probe-answered", json => json.GetProperty("path").GetString() == "/anything");
        Assert.Equal(JsonValueKind.Null, line.GetProperty("upstreamMs").ValueKind);
        Assert.Equal("answered", line.GetProperty("outcome").GetString());
        Assert.Equal(503, line.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_hang_fault_on_the_proxy_outlasts_the_client_timeout()
    {
        // Given
        await shared.ResetAsync();
        using var hang = await shared.Proxy.PutFaultAsync("liveness", "{\"mode\":\"hang\"}");
        using var probes = new ProbeClient(TimeSpan.FromSeconds(1));

        // When
        var error = await Record.ExceptionAsync(() => probes.GetAsync(shared.HttpRoutePort, "/hung", Token));

        // Then
        Assert.IsType<TaskCanceledException>(error);
        var line = await shared.Proxy.WaitForEventAsync("probe-answered", json => json.GetProperty("path").GetString() == "/hung");
        Assert.Equal("client", line.GetProperty("abortedBy").GetString());
        Assert.Equal("aborted", line.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_client_giving_up_on_a_forwarded_probe_aborts_the_apps_request()
    {
        // Given
        await shared.ResetAsync();
        using var appHangs = await shared.App.PutFaultAsync("readiness", "{\"mode\":\"hang\"}");
        using var probes = new ProbeClient(TimeSpan.FromSeconds(1));

        // When
        var error = await Record.ExceptionAsync(() => probes.GetAsync(shared.HttpRoutePort, "/readyz", Token));

        // Then
        Assert.IsType<TaskCanceledException>(error);
        var appLine = await shared.App.WaitForEventAsync("probe-answered", json =>
            json.GetProperty("path").GetString() == "/readyz" && json.TryGetProperty("abortedBy", out var by) && by.GetString() == "client");
        Assert.True(appLine.GetProperty("aborted").GetBoolean());
        var proxyLine = await shared.Proxy.WaitForEventAsync("probe-answered", json => json.GetProperty("path").GetString() == "/readyz");
        Assert.Equal(JsonValueKind.Number, proxyLine.GetProperty("upstreamMs").ValueKind);
    }

    [Fact]
    public async Task A_forwarded_probe_logs_its_status_and_the_time_spent_on_the_app()
    {
        // Given
        await shared.ResetAsync();
        using var probes = new ProbeClient();

        // When
        var proxied = await probes.ProbeAsync(shared.HttpRoutePort, "/healthz?logged=1");

        // Then
        Assert.StartsWith("200 ", proxied);
        var line = await shared.Proxy.WaitForEventAsync("probe-answered", json =>
            json.GetProperty("path").GetString() == "/healthz" && json.GetProperty("reason").GetString() == "forwarded");
        Assert.True(line.GetProperty("proxied").GetBoolean());
        Assert.True(line.GetProperty("upstreamMs").GetDouble() >= 0);
        Assert.Equal(200, line.GetProperty("status").GetInt32());
        Assert.Equal("liveness", line.GetProperty("probe").GetString());
        Assert.Equal("kube-probe/1.32", line.GetProperty("userAgent").GetString());
    }

    [Fact]
    public async Task The_proxy_serves_no_probe_endpoints_of_its_own_on_PORT()
    {
        // Given
        await shared.ResetAsync();

        // When
        var status = await shared.Proxy.StatusOfAsync("/healthz");

        // Then
        Assert.Equal(404, status);
    }
}
