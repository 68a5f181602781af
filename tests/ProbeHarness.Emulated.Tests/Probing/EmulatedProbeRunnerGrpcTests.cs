using Grpc.Health.V1;
using Grpc.HealthCheck;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using ProbeHarness.Emulated.Probing;
using ProbeHarness.Emulated.Tests.Support;
using ProbeHarness.Kubelet;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Tests.Probing;

public sealed class EmulatedProbeRunnerGrpcTests : IAsyncLifetime
{
    private readonly EmulatedProbeRunner _runner = new(new KubeletOptions());
    private readonly HealthServiceImpl _health = new();
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _health.SetStatus("", HealthCheckResponse.Types.ServingStatus.Serving);
        _health.SetStatus("down", HealthCheckResponse.Types.ServingStatus.NotServing);
        _server = await LoopbackServer.StartAsync(
            HttpProtocols.Http2,
            app => app.MapGrpcService<HealthServiceImpl>(),
            services =>
            {
                services.AddGrpc();
                services.AddSingleton(_health);
            });
    }

    public async ValueTask DisposeAsync()
    {
        _runner.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Serving_succeeds_and_sends_the_kubelet_user_agent()
    {
        // Given / When
        var outcome = await RunAsync(_server.Address, _server.Port, service: null);

        // Then
        Assert.Equal(new ProbeOutcome(ProbeResult.Success, "service healthy"), outcome);
        Assert.StartsWith("kube-probe/1.32", Assert.Single(_server.Requests).Headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_serving_fails_with_the_status_name()
    {
        // Given / When
        var outcome = await RunAsync(_server.Address, _server.Port, service: "down");

        // Then
        Assert.Equal(new ProbeOutcome(ProbeResult.Failure, "service unhealthy (responded with \"NOT_SERVING\")"), outcome);
    }

    [Fact]
    public async Task An_unknown_service_fails_with_the_rpc_error()
    {
        // Given / When
        var outcome = await RunAsync(_server.Address, _server.Port, service: "nope");

        // Then
        Assert.Equal(ProbeResult.Failure, outcome.Result);
        Assert.StartsWith("error: health rpc probe failed: rpc error: code = NotFound desc = ", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_listening_fails_after_the_timeout_like_a_blocking_dial()
    {
        // Given
        var address = TestAddresses.Next();

        // When
        var outcome = await RunAsync(address, 9090, service: null, timeoutSeconds: 1);

        // Then
        Assert.Equal(new ProbeOutcome(ProbeResult.Failure, $"timeout: failed to connect service \"{address}:9090\" within 1s: context deadline exceeded"), outcome);
    }

    [Fact]
    public async Task A_server_without_the_health_service_is_reported_as_such()
    {
        // Given: h2c, but no gRPC health service behind it.
        await using var plain = await LoopbackServer.StartAsync(HttpProtocols.Http2, app => app.Run(context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }), _ => { });

        // When
        var outcome = await RunAsync(plain.Address, plain.Port, service: null);

        // Then
        Assert.Equal(ProbeResult.Failure, outcome.Result);
        Assert.StartsWith("error: this server does not implement the grpc health protocol (grpc.health.v1.Health): ", outcome.Output, StringComparison.Ordinal);
    }

    // A generous timeout where the answer, not the timeout, is under test: a cold HTTP/2 call on a loaded machine can
    // take over a second.
    private Task<ProbeOutcome> RunAsync(string address, int port, string? service, int timeoutSeconds = 30) =>
        _runner.RunAsync(
            new V1Probe { Grpc = new V1GRPCAction { Port = port, Service = service }, TimeoutSeconds = timeoutSeconds },
            new ProbeTarget(address, new V1Container { Name = "c" }, new UnusedInstance()),
            TestContext.Current.CancellationToken);
}
