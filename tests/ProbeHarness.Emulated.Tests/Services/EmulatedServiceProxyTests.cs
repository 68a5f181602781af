using System.Net;
using Microsoft.AspNetCore.Http;
using ProbeHarness.Emulated.Services;
using ProbeHarness.Emulated.Tests.Support;

namespace ProbeHarness.Emulated.Tests.Services;

public sealed class EmulatedServiceProxyTests : IAsyncLifetime
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false });
    private LoopbackServer _a = null!;
    private LoopbackServer _b = null!;
    private EmulatedServiceProxy _proxy = null!;

    public async ValueTask InitializeAsync()
    {
        _a = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("a" + context.Request.Path + context.Request.QueryString));
        _b = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("b" + context.Request.Path + context.Request.QueryString));
        _proxy = await EmulatedServiceProxy.StartAsync("ns/web", TestAddresses.Next(), 80, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _proxy.DisposeAsync();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task Requests_go_round_robin_over_the_ready_endpoints()
    {
        // Given
        _proxy.SetEndpoints([new ProxyEndpoint("pod-a", _a.Address, _a.Port), new ProxyEndpoint("pod-b", _b.Address, _b.Port)]);

        // When
        var answers = new List<(string Body, string Pod)>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await _client.GetAsync(new Uri(_proxy.Address, "/work?n=1"), TestContext.Current.CancellationToken);
            answers.Add((await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
                response.Headers.GetValues(EmulatedServiceProxy.EndpointHeader).Single()));
        }

        // Then
        Assert.Equal(2, answers.Count(a => a.Pod == "pod-a"));
        Assert.Equal(2, answers.Count(a => a.Pod == "pod-b"));
        Assert.All(answers, a => Assert.Equal(a.Pod[^1..] + "/work?n=1", a.Body));
        Assert.NotEqual(answers[0].Pod, answers[1].Pod);
    }

    [Fact]
    public async Task Without_a_ready_endpoint_the_answer_is_503_with_a_reason()
    {
        // Given
        _proxy.SetEndpoints([]);

        // When
        using var response = await _client.GetAsync(new Uri(_proxy.Address, "/"), TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("no ready endpoint for service ns/web port 80", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(_a.Requests);
        Assert.Empty(_b.Requests);
    }

    [Fact]
    public async Task An_endpoint_taken_out_gets_no_more_requests()
    {
        // Given
        _proxy.SetEndpoints([new ProxyEndpoint("pod-a", _a.Address, _a.Port), new ProxyEndpoint("pod-b", _b.Address, _b.Port)]);

        // When
        _proxy.SetEndpoints([new ProxyEndpoint("pod-b", _b.Address, _b.Port)]);
        for (var i = 0; i < 5; i++)
        {
            using var response = await _client.GetAsync(new Uri(_proxy.Address, "/"), TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }

        // Then
        Assert.Empty(_a.Requests);
        Assert.Equal(5, _b.Requests.Count);
    }
}
