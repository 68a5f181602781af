using System.Text.Json.Nodes;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.Namespaces;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Reliability;

/// <summary>
/// The API server goes away in the middle of a scenario: every call fails with <see cref="ClusterUnavailableException"/>
/// naming the API server (the step library reports that as an environment error), and tearing the namespace down fails
/// the same way instead of hanging, so the run goes on to clean up the rest.
/// </summary>
public sealed class ApiServerGoneMidRunTests : IAsyncLifetime
{
    private const string Ns = "ph-r1-1-api-server-gone";
    private StubApiServer _stub = null!;
    private bool _stubStopped;
    private KubernetesScenarioNamespace _scenario = null!;
    private readonly ProgressLog _progress = new();

    public async ValueTask InitializeAsync()
    {
        _stub = await StubApiServer.StartAsync();
        _stub.On("POST", "/api/v1/namespaces", StubResponse.Json(
            new JsonObject { ["kind"] = "Namespace", ["apiVersion"] = "v1", ["metadata"] = new JsonObject { ["name"] = Ns } }.ToJsonString(), 201));
        _stub.On("GET", $"/api/v1/namespaces/{Ns}/pods", StubResponse.File("pods.json"));
        _scenario = await KubernetesScenarioNamespace.CreateAsync(
            TestContexts.For(_stub, progress: _progress), "API server gone", 1, null, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stubStopped)
        {
            await _stub.DisposeAsync();
        }
    }

    private async Task<string> StopApiServerAsync()
    {
        var address = _stub.BaseAddress.Authority;
        await _stub.DisposeAsync();
        _stubStopped = true;
        return address;
    }

    [Fact(Timeout = 60_000)]
    public async Task A_call_after_the_api_server_went_away_fails_naming_it_as_unavailable()
    {
        // Given a scenario whose namespace answered a moment ago
        Assert.Single(await _scenario.ListPodsAsync(TestContext.Current.CancellationToken));

        // When the API server goes away and the scenario lists its pods again
        var address = await StopApiServerAsync();
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => _scenario.ListPodsAsync(TestContext.Current.CancellationToken));

        // Then the error is the one the steps report as an environment error, naming the server and what was being done
        Assert.Contains(address, error.Message, StringComparison.Ordinal);
        Assert.Contains($"is gone or unreachable while listing pods in {Ns}", error.Message, StringComparison.Ordinal);
        Assert.Contains("gave up after 4 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Releasing_the_namespace_fails_naming_the_server_instead_of_hanging()
    {
        // Given a scenario whose API server has gone away
        var address = await StopApiServerAsync();

        // When the scenario's namespace is released (the after-scenario hook), then disposed (the end of the run)
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => _scenario.ReleaseAsync(keep: false, TestContext.Current.CancellationToken));
        await _scenario.DisposeAsync();

        // Then the release names the server and the deletion; disposing a released namespace does not try again
        Assert.Contains(address, error.Message, StringComparison.Ordinal);
        Assert.Contains($"while deleting the pods of namespace {Ns}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_progress.Lines, line => line.Contains("deleted in", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unreleased_namespace_whose_api_server_is_gone_is_disposed_with_a_report_not_an_exception()
    {
        // Given a scenario that never got to release its namespace, and an API server that has gone away
        await StopApiServerAsync();

        // When the run disposes the namespace
        await _scenario.DisposeAsync().AsTask().WaitAsync(TestContext.Current.CancellationToken);

        // Then the failure is reported as progress, so the rest of the run's clean-up still happens
        Assert.Contains(_progress.Lines, line => line.Contains($"namespace {Ns} could not be deleted: The API server at", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_watch_against_a_gone_api_server_ends_with_the_reason_instead_of_waiting_forever()
    {
        // Given a scenario whose API server has gone away
        await StopApiServerAsync();

        // When the scenario watches its namespace
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var change in _scenario.WatchAsync(TestContext.Current.CancellationToken))
            {
                Assert.Fail($"no change can arrive from a server that is gone, got {change.Type} {change.Object.Metadata.Name}");
            }
        });

        // Then the watch gives up with an error saying it failed and why (the step library turns it into an environment error)
        Assert.IsType<ClusterUnavailableException>(error);
        Assert.Contains($"in namespace {Ns} failed", error.Message, StringComparison.Ordinal);
    }
}
