using k8s.Models;
using Microsoft.AspNetCore.Http;
using ProbeHarness.Emulated.Probing;
using ProbeHarness.Emulated.Tests.Support;
using ProbeHarness.Kubelet;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Tests.Probing;

public sealed class EmulatedProbeRunnerHttpTests : IAsyncLifetime
{
    private readonly EmulatedProbeRunner _runner = new(new KubeletOptions());
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackServer.StartAsync(HandleAsync);

    public async ValueTask DisposeAsync()
    {
        _runner.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Success_returns_the_body_and_sends_the_kubelet_headers()
    {
        // Given
        var probe = Probe("/ok", headers: [new V1HTTPHeader { Name = "X-Custom", Value = "a" }, new V1HTTPHeader { Name = "Host", Value = "probe.example" }]);

        // When
        var outcome = await RunAsync(probe);

        // Then
        Assert.Equal(new ProbeOutcome(ProbeResult.Success, "fine"), outcome);
        var (_, headers) = Assert.Single(_server.Requests);
        Assert.Equal("kube-probe/1.32", headers["User-Agent"]);
        Assert.Equal("*/*", headers["Accept"]);
        Assert.Equal("close", headers["Connection"]);
        Assert.Equal("a", headers["X-Custom"]);
        Assert.Equal("probe.example", headers["Host"]);
    }

    [Fact]
    public async Task An_empty_accept_header_removes_the_default_and_a_user_agent_replaces_it()
    {
        // Given
        var probe = Probe("/ok", headers: [new V1HTTPHeader { Name = "Accept", Value = "" }, new V1HTTPHeader { Name = "User-Agent", Value = "mine" }]);

        // When
        await RunAsync(probe);

        // Then
        var (_, headers) = Assert.Single(_server.Requests);
        Assert.False(headers.ContainsKey("Accept"));
        Assert.Equal("mine", headers["User-Agent"]);
    }

    [Theory]
    [InlineData("/status/500", 500)]
    [InlineData("/status/404", 404)]
    public async Task Codes_from_400_fail_with_the_code_and_without_the_body(string path, int code)
    {
        // Given / When
        var outcome = await RunAsync(Probe(path));

        // Then
        Assert.Equal(new ProbeOutcome(ProbeResult.Failure, $"HTTP probe failed with statuscode: {code}"), outcome);
    }

    [Fact]
    public async Task A_slow_answer_fails_with_go_client_timeout_text()
    {
        // Given
        var probe = Probe("/slow");

        // When
        var outcome = await RunAsync(probe);

        // Then
        Assert.Equal(new ProbeOutcome(ProbeResult.Failure,
            $"Get \"http://{_server.Address}:{_server.Port}/slow\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"), outcome);
    }

    [Fact]
    public async Task A_closed_port_fails_with_connection_refused()
    {
        // Given: an address with nothing listening on it.
        var address = TestAddresses.Next();
        var probe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = 8080 }, TimeoutSeconds = 1 };

        // When
        var outcome = await _runner.RunAsync(probe, new ProbeTarget(address, new V1Container { Name = "c" }, new UnusedInstance()), TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(new ProbeOutcome(ProbeResult.Failure, $"Get \"http://{address}:8080/healthz\": dial tcp {address}:8080: connect: connection refused"), outcome);
    }

    [Fact]
    public async Task Same_host_redirects_are_followed()
    {
        // Given / When
        var outcome = await RunAsync(Probe("/redirect-local"));

        // Then
        Assert.Equal(new ProbeOutcome(ProbeResult.Success, "fine"), outcome);
        Assert.Equal(["/redirect-local", "/ok"], _server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_redirect_loop_stops_after_10_requests()
    {
        // Given / When
        var outcome = await RunAsync(Probe("/loop"));

        // Then
        Assert.Equal(new ProbeOutcome(ProbeResult.Failure, "Get \"/loop\": stopped after 10 redirects"), outcome);
        Assert.Equal(10, _server.Requests.Count);
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_not_followed_and_warns_with_the_body()
    {
        // Given / When
        var outcome = await RunAsync(Probe("/redirect-away"));

        // Then
        Assert.Equal(new ProbeOutcome(ProbeResult.Warning, "Probe terminated redirects, Response body: moved away"), outcome);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task The_v1_20_profile_warns_about_a_redirect_to_another_host_with_the_bare_body()
    {
        // Given
        using var runner = new EmulatedProbeRunner(new KubeletOptions { KubeletVersion = "v1.20" });
        var target = new ProbeTarget(_server.Address, new V1Container { Name = "c" }, new UnusedInstance());

        // When
        var outcome = await runner.RunAsync(Probe("/redirect-away"), target, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(new ProbeOutcome(ProbeResult.Warning, "moved away"), outcome);
    }

    [Fact]
    public async Task The_body_is_read_up_to_10_KiB()
    {
        // Given / When
        var outcome = await RunAsync(Probe("/big"));

        // Then
        Assert.Equal(ProbeResult.Success, outcome.Result);
        Assert.Equal(10 * 1024, outcome.Output.Length);
    }

    [Fact]
    public async Task A_named_port_resolves_against_the_container_ports_and_an_unknown_name_is_a_prober_error()
    {
        // Given
        var container = new V1Container { Name = "c", Ports = [new V1ContainerPort { Name = "web", ContainerPort = _server.Port }] };
        // A generous timeout: the port's resolution is under test, not how fast a loaded machine answers.
        var named = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/ok", Port = "web" }, TimeoutSeconds = 30 };
        var unknown = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/ok", Port = "nope" }, TimeoutSeconds = 1 };
        var target = new ProbeTarget(_server.Address, container, new UnusedInstance());

        // When
        var resolved = await _runner.RunAsync(named, target, TestContext.Current.CancellationToken);
        var failed = await _runner.RunAsync(unknown, target, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(ProbeResult.Success, resolved.Result);
        Assert.Equal(new ProbeOutcome(ProbeResult.Unknown, "", "strconv.Atoi: parsing \"nope\": invalid syntax"), failed);
    }

    private V1Probe Probe(string path, IList<V1HTTPHeader>? headers = null) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = _server.Port, HttpHeaders = headers },
        TimeoutSeconds = 1,
    };

    private Task<ProbeOutcome> RunAsync(V1Probe probe) =>
        _runner.RunAsync(probe, new ProbeTarget(_server.Address, new V1Container { Name = "c" }, new UnusedInstance()), TestContext.Current.CancellationToken);

    private static async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        switch (path)
        {
            case "/ok":
                await context.Response.WriteAsync("fine");
                break;
            case "/slow":
                await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            case "/redirect-local":
                context.Response.Redirect("/ok");
                break;
            case "/loop":
                context.Response.Redirect("/loop");
                break;
            case "/redirect-away":
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "http://elsewhere.invalid/";
                await context.Response.WriteAsync("moved away");
                break;
            case "/big":
                await context.Response.WriteAsync(new string('x', 20_000));
                break;
            default:
                context.Response.StatusCode = int.Parse(path["/status/".Length..], System.Globalization.CultureInfo.InvariantCulture);
                await context.Response.WriteAsync("body not shown");
                break;
        }
    }
}
