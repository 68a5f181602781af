using System.Net;
using k8s;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.Api;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Api;

public sealed class ApiCallPolicyTests
{
    private static readonly ApiRetrySettings Fast = new(2, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));

    private static ApiCallPolicy Policy() => new("https://api:6443", Fast, TimeProvider.System);

    [Fact]
    public async Task Retries_transient_failures_until_the_call_succeeds()
    {
        // Given a call that fails twice with a dropped connection
        var attempts = 0;

        // When it runs through the policy
        var result = await Policy().RunAsync("listing pods", _ => ++attempts < 3
            ? throw new HttpRequestException("connection reset")
            : Task.FromResult("ok"), TestContext.Current.CancellationToken);

        // Then the third attempt's result is returned
        Assert.Equal("ok", result);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Gives_up_with_the_api_server_and_the_attempts_named()
    {
        // Given a call that always finds the server gone
        var attempts = 0;

        // When it runs through the policy
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => Policy().RunAsync<string>(
            "listing pods in ph-a", _ =>
            {
                attempts++;
                throw new HttpRequestException("Connection refused");
            }, TestContext.Current.CancellationToken));

        // Then it tried 3 times and the message says where and what
        Assert.Equal(3, attempts);
        Assert.StartsWith("The API server at https://api:6443 is gone or unreachable while listing pods in ph-a: Connection refused (gave up after 3 attempts in ", error.Message);
    }

    [Fact]
    public async Task WaitUntil_polls_until_done_and_treats_transient_errors_as_not_yet()
    {
        // Given a state that errors once, then is "pending", then "ready"
        var states = new Queue<Func<string>>([() => throw new HttpRequestException("refused"), () => "pending", () => "ready"]);

        // When the policy waits for "ready"
        var result = await Policy().WaitUntilAsync(
            "the thing", _ => Task.FromResult(states.Dequeue()()), state => state == "ready", state => state ?? "nothing",
            TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(1), TestContext.Current.CancellationToken);

        // Then it returns the ready state after three polls
        Assert.Equal("ready", result);
        Assert.Empty(states);
    }

    [Fact]
    public async Task WaitUntil_times_out_with_the_last_state_seen()
    {
        // Given a state that never changes
        // When the policy waits briefly for it to change
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Policy().WaitUntilAsync(
            "node Ready", _ => Task.FromResult("NotReady"), state => state == "Ready", state => $"node is {state}",
            TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken));

        // Then the message names what was awaited and what was last seen
        Assert.StartsWith("node Ready did not happen within 0.3 s", error.Message);
        Assert.EndsWith("last seen: node is NotReady.", error.Message);
    }

    [Fact]
    public async Task Refusals_are_not_retried_and_say_what_was_refused()
    {
        // Given a stub API server that forbids listing nodes
        await using var stub = await StubApiServer.StartAsync();
        stub.On("GET", "/api/v1/nodes", StubResponse.Status(403, "Forbidden", "nodes is forbidden: User \"dev\" cannot list resource \"nodes\""));
        using var connection = stub.Connect();

        // When nodes are listed through the policy
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => connection.Api.RunAsync(
            "listing nodes", token => connection.Client.CoreV1.ListNodeAsync(cancellationToken: token), TestContext.Current.CancellationToken));

        // Then one request was made and the message has the server's reason
        Assert.Single(stub.RequestsTo("GET", "/api/v1/nodes"));
        Assert.Equal(HttpStatusCode.Forbidden, ApiErrors.StatusOf(error.InnerException!));
        Assert.Contains("refused listing nodes: HTTP 403 Forbidden: nodes is forbidden: User \"dev\" cannot list resource \"nodes\"", error.Message);
    }

    [Fact]
    public async Task A_500_from_the_stub_is_retried()
    {
        // Given a stub API server that fails once
        await using var stub = await StubApiServer.StartAsync();
        stub.On("GET", "/version/", StubResponse.Status(500, "InternalError", "boom"), StubResponse.File("version-k3s.json"));
        using var connection = stub.Connect();

        // When the version is read through the policy
        var version = await connection.Api.RunAsync("reading the version", token => connection.Client.Version.GetCodeAsync(token), TestContext.Current.CancellationToken);

        // Then the second answer is used
        Assert.Equal("v1.35.3+k3s1", version.GitVersion);
        Assert.Equal(2, stub.RequestsTo("GET", "/version/").Count);
    }
}
