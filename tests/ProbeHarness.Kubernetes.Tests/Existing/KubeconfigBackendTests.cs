using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.Existing;
using ProbeHarness.Kubernetes.Namespaces;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Existing;

/// <summary>The kubeconfig backend against a stub API server that answers like a Kubernetes 1.20 cluster.</summary>
public sealed class KubeconfigBackendTests : IAsyncLifetime
{
    private StubApiServer _stub = null!;
    private string _kubeconfig = null!;

    public async ValueTask InitializeAsync()
    {
        _stub = await StubApiServer.StartAsync();
        _kubeconfig = KubeconfigFiles.Write(_stub.BaseAddress.ToString().TrimEnd('/'), "local-120");
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(_kubeconfig);
        await _stub.DisposeAsync();
    }

    private BackendOptions Options(string? targetImage = "probe-harness/target-app:dev") => BackendOptions.FromEnvironment(new Dictionary<string, string?>
    {
        ["HARNESS_BACKEND"] = "kubeconfig",
        ["HARNESS_KUBECONFIG"] = _kubeconfig,
        ["HARNESS_TARGET_IMAGE"] = targetImage,
        ["HOME"] = "/h",
    });

    private void AnswerLikeKubernetes120()
    {
        _stub.On("GET", "/version/", StubResponse.File("version-1.20.json"));
        _stub.On("GET", "/apis/", StubResponse.File("apis-1.20.json"));
        _stub.On("GET", "/api/v1/nodes", StubResponse.File("nodes-ready.json"));
        _stub.On("GET", "/api/v1/namespaces", StubResponse.Json("""{"kind":"NamespaceList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[]}"""));
    }

    [Fact]
    public async Task Starts_against_kubernetes_1_20_and_reports_its_version()
    {
        // Given a 1.20 API server
        AnswerLikeKubernetes120();
        var progress = new ProgressLog();
        await using var backend = new KubeconfigBackend(Options(), new RunIdentity("r1", "ci-box"), StubApiServer.FastRetry);

        // When the backend starts
        await backend.StartAsync(progress, TestContext.Current.CancellationToken);

        // Then its info names the server version and context, and the startup was reported
        Assert.Equal(new BackendInfo(BackendKind.Kubeconfig, "v1.20.2", backend.Info.Description), backend.Info);
        Assert.Contains("context local-120", backend.Info.Description);
        Assert.Equal("[kubeconfig]", backend.Info.Label);
        Assert.Contains(progress.Lines, line => line.StartsWith($"[kubeconfig] connected to {_stub.BaseAddress.ToString().TrimEnd('/')} (context local-120, Kubernetes v1.20.2) in ", StringComparison.Ordinal));
        Assert.Contains("[kubeconfig] EndpointSlices are read as discovery.k8s.io/v1beta1", progress.Lines);
        Assert.Contains(progress.Lines, line => line.StartsWith("[kubeconfig] node k3s-node-1 is Ready, checked in ", StringComparison.Ordinal));
        Assert.All(_stub.Requests, request => Assert.Equal("Bearer stub-token", request.Headers["Authorization"]));
    }

    [Fact]
    public async Task Touches_only_its_own_namespaces_and_deploys_the_given_image()
    {
        // Given a started backend
        AnswerLikeKubernetes120();
        _stub.On("POST", "/api/v1/namespaces", StubResponse.Json("""{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"x"}}""", 201));
        _stub.On("POST", "/apis/apps/v1/namespaces/ph-r1-1-readiness/deployments", StubResponse.Json("""{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"target-app"}}""", 201));
        _stub.On("POST", "/api/v1/namespaces/ph-r1-1-readiness/services", StubResponse.Json("""{"kind":"Service","apiVersion":"v1","metadata":{"name":"target-app"}}""", 201));
        await using var backend = new KubeconfigBackend(Options(), new RunIdentity("r1", "ci-box"), StubApiServer.FastRetry);
        await backend.StartAsync(new ProgressLog(), TestContext.Current.CancellationToken);

        // When a scenario namespace is created and the workload applied
        var scenario = await backend.CreateNamespaceAsync("Readiness", TestContext.Current.CancellationToken);
        await scenario.ApplyAsync(Workloads.TargetApp(), TestContext.Current.CancellationToken);

        // Then every write was inside the scenario namespace (or created it), with HARNESS_TARGET_IMAGE
        var writes = _stub.Requests.Where(request => request.Method != "GET").Select(request => request.Path).ToList();
        Assert.Equal(["/api/v1/namespaces", "/apis/apps/v1/namespaces/ph-r1-1-readiness/deployments", "/api/v1/namespaces/ph-r1-1-readiness/services"], writes);
        var deployment = k8s.KubernetesJson.Deserialize<V1Deployment>(_stub.RequestsTo("POST", "/apis/apps/v1/namespaces/ph-r1-1-readiness/deployments").Single().Body);
        Assert.Equal("probe-harness/target-app:dev", deployment.Spec.Template.Spec.Containers.Single().Image);
        Assert.Same(backend.Info, scenario.Backend);
    }

    [Fact]
    public async Task Without_a_target_image_it_fails_once_the_api_server_answered_and_touches_nothing()
    {
        // Given no HARNESS_TARGET_IMAGE
        AnswerLikeKubernetes120();
        await using var backend = new KubeconfigBackend(Options(targetImage: null), retry: StubApiServer.FastRetry);

        // When the backend starts
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => backend.StartAsync(new ProgressLog(), TestContext.Current.CancellationToken));

        // Then it names the variable and how to load the image, and only asked the version
        Assert.StartsWith("HARNESS_TARGET_IMAGE is not set", error.Message);
        Assert.Contains("kind load docker-image", error.Message);
        Assert.NotEmpty(_stub.Requests);
        Assert.All(_stub.Requests, request => Assert.StartsWith("/version", request.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dead_api_server_is_named_first_even_without_a_target_image()
    {
        // Given a kubeconfig whose server does not listen, and no HARNESS_TARGET_IMAGE
        var port = SilentServer.ClosedPort();
        var kubeconfig = KubeconfigFiles.Write($"http://127.0.0.1:{port}", "gone");
        var options = Options(targetImage: null) with { KubeconfigPath = kubeconfig };
        await using var backend = new KubeconfigBackend(options, retry: StubApiServer.FastRetry);

        // When the backend starts
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => backend.StartAsync(new ProgressLog(), TestContext.Current.CancellationToken));

        // Then the message is about the API server, not the image
        File.Delete(kubeconfig);
        Assert.StartsWith($"The API server at http://127.0.0.1:{port} is gone or unreachable", error.Message);
        Assert.DoesNotContain("HARNESS_TARGET_IMAGE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_api_server_fails_fast_naming_server_and_context()
    {
        // Given a kubeconfig whose server does not listen
        var port = SilentServer.ClosedPort();
        var kubeconfig = KubeconfigFiles.Write($"http://127.0.0.1:{port}", "gone");
        var options = Options() with { KubeconfigPath = kubeconfig };
        await using var backend = new KubeconfigBackend(options, retry: StubApiServer.FastRetry);

        // When the backend starts
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => backend.StartAsync(new ProgressLog(), TestContext.Current.CancellationToken));

        // Then the message names the API server, the context and the file
        Assert.StartsWith($"The API server at http://127.0.0.1:{port} is gone or unreachable while reading the server version (context gone of {kubeconfig})", error.Message);
        File.Delete(kubeconfig);
    }

    [Fact]
    public async Task A_user_who_may_not_list_nodes_skips_the_node_check()
    {
        // Given a 1.20 API server that forbids listing nodes
        _stub.On("GET", "/api/v1/nodes", StubResponse.Status(403, "Forbidden", "nodes is forbidden"));
        AnswerLikeKubernetes120();
        var progress = new ProgressLog();
        await using var backend = new KubeconfigBackend(Options(), retry: StubApiServer.FastRetry);

        // When the backend starts
        await backend.StartAsync(progress, TestContext.Current.CancellationToken);

        // Then the check is skipped with the reason
        Assert.Contains(progress.Lines, line => line.StartsWith("[kubeconfig] cannot list nodes (", StringComparison.Ordinal) && line.EndsWith("the node check is skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Namespaces_before_start_are_refused()
    {
        // Given a backend that was not started
        await using var backend = new KubeconfigBackend(Options());

        // When a namespace is asked for
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => backend.CreateNamespaceAsync("x", TestContext.Current.CancellationToken));

        // Then it says StartAsync comes first
        Assert.Equal("StartAsync must succeed before namespaces are created.", error.Message);
    }
}
