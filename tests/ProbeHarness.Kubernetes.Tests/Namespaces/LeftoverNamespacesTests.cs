using ProbeHarness.Kubernetes.Namespaces;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Namespaces;

public sealed class LeftoverNamespacesTests : IAsyncLifetime
{
    private StubApiServer _stub = null!;

    public async ValueTask InitializeAsync() => _stub = await StubApiServer.StartAsync();

    public async ValueTask DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Deletes_this_machines_leftovers_and_leaves_other_runs_alone()
    {
        // Given namespaces of this run, of a killed run on this machine (one already terminating), and of a run elsewhere
        _stub.On("GET", "/api/v1/namespaces", StubResponse.File("namespaces-leftovers.json"));
        _stub.On("DELETE", "/api/v1/namespaces/ph-killed01-3-readiness", StubResponse.Json("""{"kind":"Status","status":"Success"}"""));
        using var connection = _stub.Connect();
        var progress = new ProgressLog();

        // When leftovers are cleaned for run current1 on ci-box
        var cleanup = await LeftoverNamespaces.CleanAsync(connection, new RunIdentity("current1", "ci-box"), progress, TestContext.Current.CancellationToken);

        // Then only the killed run's active namespace is deleted, and every finding is said
        Assert.Equal("probe-harness/run", Assert.Single(_stub.RequestsTo("GET", "/api/v1/namespaces")).Query["labelSelector"]);
        Assert.Equal(["ph-killed01-3-readiness"], cleanup.Deleted);
        Assert.Equal(["ph-other001-1-liveness"], cleanup.LeftAlone);
        Assert.Single(_stub.Requests, request => request.Method == "DELETE");
        Assert.Contains(progress.Lines, line => line.StartsWith("deleted namespace ph-killed01-3-readiness, left by run killed01 on this machine", StringComparison.Ordinal));
        Assert.Contains(progress.Lines, line => line.StartsWith("namespace ph-other001-1-liveness belongs to run other001 on host laptop-7 and may still be in use; left alone", StringComparison.Ordinal));
        Assert.Contains("namespace ph-killed01-2-startup of run killed01 is already being deleted", progress.Lines);
    }

    [Fact]
    public async Task Leaves_alone_the_namespaces_of_a_run_on_this_machine_whose_process_still_runs()
    {
        // Given a namespace of another run on this machine, labelled with a live process (this test's own) and one with a dead pid
        var live = Environment.ProcessId;
        _stub.On("GET", "/api/v1/namespaces", StubResponse.Json($$$"""
            {"kind":"NamespaceList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[
              {"metadata":{"name":"ph-live0001-1-a","uid":"a","labels":{"probe-harness/run":"live0001","probe-harness/host":"ci-box","probe-harness/pid":"{{{live}}}"}},"status":{"phase":"Active"}},
              {"metadata":{"name":"ph-dead0001-1-b","uid":"b","labels":{"probe-harness/run":"dead0001","probe-harness/host":"ci-box","probe-harness/pid":"2147483646"}},"status":{"phase":"Active"}}]}
            """));
        _stub.On("DELETE", "/api/v1/namespaces/ph-dead0001-1-b", StubResponse.Json("""{"kind":"Status","status":"Success"}"""));
        using var connection = _stub.Connect();
        var progress = new ProgressLog();

        // When leftovers are cleaned for another run on the same machine
        var cleanup = await LeftoverNamespaces.CleanAsync(connection, new RunIdentity("current1", "ci-box", 1), progress, TestContext.Current.CancellationToken);

        // Then only the dead run's namespace is deleted
        Assert.Equal(["ph-dead0001-1-b"], cleanup.Deleted);
        Assert.Equal(["ph-live0001-1-a"], cleanup.LeftAlone);
        Assert.Contains(progress.Lines, line => line.Contains($"whose process {live} is still running; left alone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_who_may_not_list_namespaces_is_told_and_the_run_goes_on()
    {
        // Given a kubeconfig user without cluster-wide namespace rights
        _stub.On("GET", "/api/v1/namespaces", StubResponse.Status(403, "Forbidden", "namespaces is forbidden: User \"dev\" cannot list resource \"namespaces\""));
        using var connection = _stub.Connect();
        var progress = new ProgressLog();

        // When leftovers are cleaned
        var cleanup = await LeftoverNamespaces.CleanAsync(connection, new RunIdentity("current1", "ci-box"), progress, TestContext.Current.CancellationToken);

        // Then nothing is deleted and the reason is said
        Assert.Empty(cleanup.Deleted);
        Assert.Contains(progress.Lines, line => line.StartsWith("cannot list namespaces (", StringComparison.Ordinal) && line.EndsWith("leftovers of killed runs are not cleaned up", StringComparison.Ordinal));
    }
}
