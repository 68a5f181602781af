using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using ProbeHarness.TargetApp.Tests.Support;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ProbeHarness.TargetApp.Tests.Grpc;

public sealed class GrpcHealthServiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_service_is_SERVING_when_healthy()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{app.GrpcPort}");
        var client = new Health.HealthClient(channel);

        // When
        var statuses = new List<ServingStatus>();
        foreach (var service in new[] { "", "liveness", "readiness", "startup" })
        {
            statuses.Add((await client.CheckAsync(new HealthCheckRequest { Service = service }, cancellationToken: Token)).Status);
        }

        // Then
        Assert.All(statuses, status => Assert.Equal(ServingStatus.Serving, status));
    }

    [Fact]
    public async Task A_liveness_fault_makes_the_default_and_liveness_services_NOT_SERVING_but_not_readiness()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{app.GrpcPort}");
        var client = new Health.HealthClient(channel);

        // When
        using var fail = await app.PutFaultAsync("liveness", "{\"mode\":\"fail\"}");
        var overall = await client.CheckAsync(new HealthCheckRequest(), cancellationToken: Token);
        var liveness = await client.CheckAsync(new HealthCheckRequest { Service = "liveness" }, cancellationToken: Token);
        var readiness = await client.CheckAsync(new HealthCheckRequest { Service = "readiness" }, cancellationToken: Token);

        // Then
        Assert.Equal(ServingStatus.NotServing, overall.Status);
        Assert.Equal(ServingStatus.NotServing, liveness.Status);
        Assert.Equal(ServingStatus.Serving, readiness.Status);
    }

    [Fact]
    public async Task Readiness_follows_the_dependency()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{app.GrpcPort}");
        var client = new Health.HealthClient(channel);

        // When
        using var down = await app.PutFaultAsync("dependency", "{\"available\":false}");
        var readiness = await client.CheckAsync(new HealthCheckRequest { Service = "readiness" }, cancellationToken: Token);
        var liveness = await client.CheckAsync(new HealthCheckRequest { Service = "liveness" }, cancellationToken: Token);

        // Then
        Assert.Equal(ServingStatus.NotServing, readiness.Status);
        Assert.Equal(ServingStatus.Serving, liveness.Status);
    }

    [Fact]
    public async Task A_hanging_liveness_outlasts_a_one_second_deadline()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{app.GrpcPort}");
        var client = new Health.HealthClient(channel);
        using var hang = await app.PutFaultAsync("liveness", "{\"mode\":\"hang\"}");

        // When
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(1), cancellationToken: Token));

        // Then
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_service_answers_NOT_FOUND()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{app.GrpcPort}");
        var client = new Health.HealthClient(channel);

        // When
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.CheckAsync(new HealthCheckRequest { Service = "payments" }, cancellationToken: Token));

        // Then
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
