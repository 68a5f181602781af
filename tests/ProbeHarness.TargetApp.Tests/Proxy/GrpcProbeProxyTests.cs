using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Proxy;

public sealed class GrpcProbeProxyTests(ProxiedTargetApp shared) : IClassFixture<ProxiedTargetApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("", null, null)]
    [InlineData("readiness", "readiness", "{\"mode\":\"fail\"}")]
    [InlineData("liveness", "liveness", "{\"mode\":\"slow\",\"delayMs\":200}")]
    [InlineData("payments", null, null)]
    public async Task A_check_through_the_proxy_gets_what_a_direct_check_gets(string service, string? appFault, string? body)
    {
        // Given
        await shared.ResetAsync();
        if (appFault is not null)
        {
            using var applied = await shared.App.PutFaultAsync(appFault, body!);
            Assert.True(applied.IsSuccessStatusCode);
        }

        // When
        var direct = await CheckAsync(shared.App.GrpcPort, service);
        var proxied = await CheckAsync(shared.GrpcRoutePort, service);

        // Then
        Assert.Equal(direct, proxied);
    }

    [Fact]
    public async Task A_refused_app_port_is_Unavailable_through_the_proxy_as_directly()
    {
        // Given
        await shared.ResetAsync();

        // When
        var direct = await CheckAsync(shared.ClosedPort, "");
        var proxied = await CheckAsync(shared.DeadRoutePorts.Grpc, "");

        // Then
        Assert.Equal("Unavailable", direct);
        Assert.Equal(direct, proxied);
    }

    [Fact]
    public async Task A_fail_fault_on_the_proxy_is_NOT_SERVING_while_the_app_serves()
    {
        // Given
        await shared.ResetAsync();
        using var fail = await shared.Proxy.PutFaultAsync("startup", "{\"mode\":\"fail\"}");

        // When
        var direct = await CheckAsync(shared.App.GrpcPort, "startup");
        var proxied = await CheckAsync(shared.GrpcRoutePort, "startup");

        // Then
        Assert.Equal("Serving", direct);
        Assert.Equal("NotServing", proxied);
        var line = await shared.Proxy.WaitForEventAsync("grpc-answered", json =>
            json.TryGetProperty("servingStatus", out var status) && status.GetString() == "NOT_SERVING" && json.GetProperty("upstreamMs").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, line.GetProperty("upstreamMs").ValueKind);
    }

    [Fact]
    public async Task A_hang_fault_on_the_proxy_outlasts_a_one_second_deadline()
    {
        // Given
        await shared.ResetAsync();
        using var hang = await shared.Proxy.PutFaultAsync("startup", "{\"mode\":\"hang\"}");

        // When
        var proxied = await CheckAsync(shared.GrpcRoutePort, "", TimeSpan.FromSeconds(1));

        // Then
        Assert.Equal("DeadlineExceeded", proxied);
    }

    // The serving status, or the RPC status code of a failed call.
    private static async Task<string> CheckAsync(int port, string service, TimeSpan? deadline = null)
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var client = new Health.HealthClient(channel);
        try
        {
            var response = await client.CheckAsync(
                new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(10)), cancellationToken: Token);
            return response.Status.ToString();
        }
        catch (RpcException exception)
        {
            return exception.StatusCode.ToString();
        }
    }
}
