using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OwnApp.Tests;

/// <summary>The HTTP routes, in process on a free loopback port, with the warm-up clock under the test's control.</summary>
public sealed class OwnAppEndpointsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private WebApplication? _app;
    private HttpClient? _http;

    private HttpClient Http => _http ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        // Port 0: the OS picks free ports, so parallel tests cannot collide.
        var settings = new OwnAppSettings { HttpPort = 0, TcpPort = 0, BindAddress = IPAddress.Loopback, Warmup = TimeSpan.FromSeconds(2) };
        _app = OwnAppBuilder.Build(settings, _time);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ready_answers_503_warming_up_until_the_warmup_has_passed_then_200()
    {
        // Given: 1.9 s of the 2 s warm-up have passed.
        _time.Advance(TimeSpan.FromSeconds(1.9));
        using var during = await Http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        var duringBody = await during.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // When
        _time.Advance(TimeSpan.FromSeconds(0.1));
        using var after = await Http.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("""{"status":"warming up"}""", duringBody);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Live_answers_200_alive_even_during_the_warmup()
    {
        // Given: no time has passed.

        // When
        using var response = await Http.GetAsync("/health/live", TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("""{"status":"alive"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Orders_lists_the_seed_and_a_posted_order_is_added_with_the_next_id()
    {
        // Given
        var seed = await Http.GetFromJsonAsync<JsonElement>("/orders", TestContext.Current.CancellationToken);

        // When
        using var posted = await Http.PostAsJsonAsync("/orders", new { item = "tea", quantity = 3 }, TestContext.Current.CancellationToken);
        var created = await posted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var after = await Http.GetFromJsonAsync<JsonElement>("/orders", TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(2, seed.GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal("/orders/3", posted.Headers.Location?.ToString());
        Assert.Equal(3, created.GetProperty("id").GetInt32());
        Assert.Equal("tea", created.GetProperty("item").GetString());
        Assert.Equal(3, after.GetArrayLength());
        Assert.Equal(3, after[2].GetProperty("quantity").GetInt32());
    }

    [Theory]
    [InlineData("""{"item":"","quantity":1}""")]
    [InlineData("""{"item":"tea","quantity":0}""")]
    [InlineData("not json")]
    public async Task A_bad_order_is_rejected_with_400_and_not_added(string body)
    {
        // Given
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        // When
        using var response = await Http.PostAsync("/orders", content, TestContext.Current.CancellationToken);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var orders = await Http.GetFromJsonAsync<JsonElement>("/orders", TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetString()));
        Assert.Equal(2, orders.GetArrayLength());
    }
}
