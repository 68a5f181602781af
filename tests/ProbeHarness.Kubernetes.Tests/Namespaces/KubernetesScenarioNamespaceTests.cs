using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.EndpointSlices;
using ProbeHarness.Kubernetes.Namespaces;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Namespaces;

/// <summary>Contract tests: every call a scenario namespace makes, against a stub API server on 127.0.0.1.</summary>
public sealed class KubernetesScenarioNamespaceTests : IAsyncLifetime
{
    private const string Ns = "ph-r1-1-liveness-restarts";
    private StubApiServer _stub = null!;

    public async ValueTask InitializeAsync() => _stub = await StubApiServer.StartAsync();

    public async ValueTask DisposeAsync() => await _stub.DisposeAsync();

    private static string NamespaceJson(string phase = "Active") =>
        new JsonObject
        {
            ["kind"] = "Namespace",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["name"] = Ns, ["uid"] = "u-ns", ["resourceVersion"] = "5" },
            ["status"] = new JsonObject { ["phase"] = phase },
        }.ToJsonString();

    private async Task<KubernetesScenarioNamespace> CreateAsync(ScenarioNamespaceContext? context = null, Action<string>? onKept = null)
    {
        _stub.On("POST", "/api/v1/namespaces", StubResponse.Json(NamespaceJson(), 201));
        return await KubernetesScenarioNamespace.CreateAsync(context ?? TestContexts.For(_stub), "Liveness restarts", 1, onKept, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Creates_the_namespace_labelled_with_run_host_and_scenario()
    {
        // Given an API server that accepts the namespace
        // When a scenario namespace is created
        var scenario = await CreateAsync();

        // Then one POST carried the name and the three labels, with the client's bearer token
        var request = Assert.Single(_stub.RequestsTo("POST", "/api/v1/namespaces"));
        var body = KubernetesJson.Deserialize<V1Namespace>(request.Body);
        Assert.Equal(Ns, scenario.Name);
        Assert.Equal(Ns, body.Metadata.Name);
        Assert.Equal("r1", body.Metadata.Labels["probe-harness/run"]);
        Assert.Equal("ci-box", body.Metadata.Labels["probe-harness/host"]);
        Assert.Equal("liveness-restarts", body.Metadata.Labels["probe-harness/scenario"]);
        Assert.Equal("Bearer stub-token", request.Headers["Authorization"]);
        Assert.Equal("[k3s]", scenario.Backend.Label);
    }

    [Fact]
    public async Task A_namespace_that_already_exists_fails_with_how_to_delete_it()
    {
        // Given an API server that answers 409 AlreadyExists
        _stub.On("POST", "/api/v1/namespaces", StubResponse.Status(409, "AlreadyExists", $"namespaces \"{Ns}\" already exists"));

        // When the namespace is created
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => KubernetesScenarioNamespace.CreateAsync(
            TestContexts.For(_stub), "Liveness restarts", 1, null, TestContext.Current.CancellationToken));

        // Then it fails at once (409 is not retried) and says how to remove the old one
        Assert.Single(_stub.RequestsTo("POST", "/api/v1/namespaces"));
        Assert.Contains($"Namespace {Ns} already exists", error.Message);
        Assert.Contains($"kubectl --kubeconfig /tmp/stub-kubeconfig.yaml delete namespace {Ns}", error.Message);
    }

    [Fact]
    public async Task Apply_creates_the_rendered_deployment_and_service()
    {
        // Given a namespace and an API server that accepts both objects
        var scenario = await CreateAsync();
        _stub.On("POST", $"/apis/apps/v1/namespaces/{Ns}/deployments", StubResponse.Json("""{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"target-app"}}""", 201));
        _stub.On("POST", $"/api/v1/namespaces/{Ns}/services", StubResponse.Json("""{"kind":"Service","apiVersion":"v1","metadata":{"name":"target-app"}}""", 201));

        // When the workload is applied
        await scenario.ApplyAsync(Workloads.TargetApp(), TestContext.Current.CancellationToken);

        // Then the Deployment runs the loaded image without pulling, in the scenario's namespace, and the Service follows
        var deployment = KubernetesJson.Deserialize<V1Deployment>(Assert.Single(_stub.RequestsTo("POST", $"/apis/apps/v1/namespaces/{Ns}/deployments")).Body);
        var app = Assert.Single(deployment.Spec.Template.Spec.Containers);
        Assert.Equal(Ns, deployment.Metadata.NamespaceProperty);
        Assert.Equal(TestContexts.Image, app.Image);
        Assert.Equal("IfNotPresent", app.ImagePullPolicy);
        Assert.Equal("busybox:1.36", deployment.Spec.Template.Spec.InitContainers.Single().Image);
        var service = KubernetesJson.Deserialize<V1Service>(Assert.Single(_stub.RequestsTo("POST", $"/api/v1/namespaces/{Ns}/services")).Body);
        Assert.Equal(Ns, service.Metadata.NamespaceProperty);
        Assert.Equal(8080, int.Parse(service.Spec.Ports.Single().TargetPort.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Apply_retries_a_500_and_succeeds()
    {
        // Given an API server whose first answer to the Deployment is a 500
        var scenario = await CreateAsync();
        _stub.On("POST", $"/apis/apps/v1/namespaces/{Ns}/deployments",
            StubResponse.Status(500, "InternalError", "etcdserver: request timed out"),
            StubResponse.Json("""{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"target-app"}}""", 201));
        _stub.On("POST", $"/api/v1/namespaces/{Ns}/services", StubResponse.Json("""{"kind":"Service","apiVersion":"v1","metadata":{"name":"target-app"}}""", 201));

        // When the workload is applied
        await scenario.ApplyAsync(Workloads.TargetApp(), TestContext.Current.CancellationToken);

        // Then the Deployment was sent twice and the Service once
        Assert.Equal(2, _stub.RequestsTo("POST", $"/apis/apps/v1/namespaces/{Ns}/deployments").Count);
        Assert.Single(_stub.RequestsTo("POST", $"/api/v1/namespaces/{Ns}/services"));
    }

    [Fact]
    public async Task A_deployment_that_exists_fails_clearly()
    {
        // Given an API server that answers 409 for the Deployment
        var scenario = await CreateAsync();
        _stub.On("POST", $"/apis/apps/v1/namespaces/{Ns}/deployments", StubResponse.Status(409, "AlreadyExists", "deployments.apps \"target-app\" already exists"));

        // When the workload is applied
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scenario.ApplyAsync(Workloads.TargetApp(), TestContext.Current.CancellationToken));

        // Then the message names the Deployment and the namespace
        Assert.Equal($"Deployment target-app already exists in namespace {Ns}.", error.Message);
    }

    [Fact]
    public async Task Scale_sends_a_merge_patch_to_the_scale_subresource()
    {
        // Given a namespace with a Deployment
        var scenario = await CreateAsync();
        _stub.On("PATCH", $"/apis/apps/v1/namespaces/{Ns}/deployments/target-app/scale",
            StubResponse.Json("""{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"target-app"},"spec":{"replicas":3},"status":{"replicas":1}}"""));

        // When it is scaled to 3
        await scenario.ScaleAsync("target-app", 3, TestContext.Current.CancellationToken);

        // Then the body is a merge patch of spec.replicas
        var request = Assert.Single(_stub.RequestsTo("PATCH", $"/apis/apps/v1/namespaces/{Ns}/deployments/target-app/scale"));
        Assert.StartsWith("application/merge-patch+json", request.ContentType);
        Assert.Equal("""{"spec":{"replicas":3}}""", request.Body);
    }

    [Fact]
    public async Task Scaling_a_missing_deployment_names_it()
    {
        // Given a namespace without the Deployment
        var scenario = await CreateAsync();
        _stub.On("PATCH", $"/apis/apps/v1/namespaces/{Ns}/deployments/nope/scale", StubResponse.Status(404, "NotFound", "deployments.apps \"nope\" not found"));

        // When it is scaled
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scenario.ScaleAsync("nope", 2, TestContext.Current.CancellationToken));

        // Then the message names it
        Assert.Equal($"Deployment nope does not exist in namespace {Ns}.", error.Message);
    }

    [Fact]
    public async Task DeletePod_passes_the_grace_period_and_names_a_missing_pod()
    {
        // Given one pod that exists and one that does not
        var scenario = await CreateAsync();
        _stub.On("DELETE", $"/api/v1/namespaces/{Ns}/pods/target-app-7d9f8c6b5-x2x7q", StubResponse.Json(Responses.Item("pods.json", 0).ToJsonString()));
        _stub.On("DELETE", $"/api/v1/namespaces/{Ns}/pods/gone", StubResponse.Status(404, "NotFound", "pods \"gone\" not found"));

        // When both are deleted, the first at once
        await scenario.DeletePodAsync("target-app-7d9f8c6b5-x2x7q", 0, TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scenario.DeletePodAsync("gone", null, TestContext.Current.CancellationToken));

        // Then the first request carried gracePeriodSeconds=0 and the second failure names the pod
        var request = Assert.Single(_stub.RequestsTo("DELETE", $"/api/v1/namespaces/{Ns}/pods/target-app-7d9f8c6b5-x2x7q"));
        Assert.Equal("0", request.Query["gracePeriodSeconds"]);
        Assert.False(Assert.Single(_stub.RequestsTo("DELETE", $"/api/v1/namespaces/{Ns}/pods/gone")).Query.ContainsKey("gracePeriodSeconds"));
        Assert.Equal($"Pod gone does not exist in namespace {Ns} (already deleted?).", error.Message);
    }

    [Fact]
    public async Task ListPods_reads_restart_counts_states_and_conditions()
    {
        // Given the API server's pod list
        var scenario = await CreateAsync();
        _stub.On("GET", $"/api/v1/namespaces/{Ns}/pods", StubResponse.File("pods.json"));

        // When the pods are listed
        var pod = Assert.Single(await scenario.ListPodsAsync(TestContext.Current.CancellationToken));

        // Then the kubelet's view is there in the model types
        var status = Assert.Single(pod.Status.ContainerStatuses);
        Assert.Equal(1, status.RestartCount);
        Assert.Equal(137, status.LastState.Terminated.ExitCode);
        Assert.NotNull(status.State.Running);
        Assert.Equal("False", pod.Status.Conditions.Single(condition => condition.Type == "Ready").Status);
        Assert.Equal(3, pod.Spec.Containers.Single().LivenessProbe.FailureThreshold);
    }

    [Fact]
    public async Task ListEvents_and_ListEndpointSlices_read_the_namespace()
    {
        // Given events and v1 EndpointSlices
        var scenario = await CreateAsync();
        _stub.On("GET", $"/api/v1/namespaces/{Ns}/events", StubResponse.File("events.json"));
        _stub.On("GET", $"/apis/discovery.k8s.io/v1/namespaces/{Ns}/endpointslices", StubResponse.File("endpointslices-v1.json"));

        // When both are listed
        var events = await scenario.ListEventsAsync(TestContext.Current.CancellationToken);
        var slice = Assert.Single(await scenario.ListEndpointSlicesAsync(TestContext.Current.CancellationToken));

        // Then the probe's events and the endpoint's conditions are read
        Assert.Equal(["Unhealthy", "Killing"], events.Select(item => item.Reason));
        Assert.Equal(3, events[0].Count);
        var endpoint = Assert.Single(slice.Endpoints);
        Assert.False(endpoint.Conditions.Ready);
        Assert.Equal("k3s-node-1", endpoint.NodeName);
    }

    [Fact]
    public async Task On_kubernetes_1_20_EndpointSlices_are_read_as_v1beta1_and_converted()
    {
        // Given a namespace on a cluster that serves only discovery.k8s.io/v1beta1
        var scenario = await CreateAsync(TestContexts.For(_stub, EndpointSliceVersion.V1beta1));
        _stub.On("GET", $"/apis/discovery.k8s.io/v1beta1/namespaces/{Ns}/endpointslices", StubResponse.File("endpointslices-v1beta1.json"));

        // When the slices are listed
        var slice = Assert.Single(await scenario.ListEndpointSlicesAsync(TestContext.Current.CancellationToken));

        // Then they come as the v1 model, node names taken from topology
        Assert.Equal("discovery.k8s.io/v1", slice.ApiVersion);
        Assert.Equal(["node-120", "node-120"], slice.Endpoints.Select(endpoint => endpoint.NodeName));
        Assert.Equal([true, false], slice.Endpoints.Select(endpoint => endpoint.Conditions.Ready == true));
    }

    [Fact]
    public async Task ReadLog_asks_for_the_previous_instance_and_explains_when_there_is_none()
    {
        // Given a pod whose container restarted once, and one that never did
        var scenario = await CreateAsync();
        _stub.On("GET", $"/api/v1/namespaces/{Ns}/pods/restarted/log", new StubResponse(200, "listening on :8080\nliveness now failing\n"));
        _stub.On("GET", $"/api/v1/namespaces/{Ns}/pods/fresh/log",
            StubResponse.Status(400, "BadRequest", "previous terminated container \"app\" in pod \"fresh\" not found"));

        // When the previous logs are read
        var log = await scenario.ReadLogAsync("restarted", "app", previous: true, TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<NoPreviousContainerException>(() => scenario.ReadLogAsync("fresh", "app", previous: true, TestContext.Current.CancellationToken));

        // Then the query names container and previous, and the error says the container has not restarted
        var request = Assert.Single(_stub.RequestsTo("GET", $"/api/v1/namespaces/{Ns}/pods/restarted/log"));
        Assert.Equal("app", request.Query["container"]);
        Assert.Equal("true", request.Query["previous"]);
        Assert.Equal("listening on :8080\nliveness now failing\n", log);
        Assert.StartsWith($"Container app of pod fresh in {Ns} has no previous instance (it has not restarted)", error.Message);
        Assert.Contains("previous terminated container", error.Message);
    }

    [Fact]
    public async Task SendToPod_posts_the_body_through_the_pod_proxy_with_credentials()
    {
        // Given a pod whose fault API answers through the proxy
        var scenario = await CreateAsync();
        _stub.On("POST", $"/api/v1/namespaces/{Ns}/pods/target-app-7d9f8c6b5-x2x7q:8080/proxy/fault/liveness", new StubResponse(202, """{"failing":3}"""));
        var request = new HttpRequestMessage(HttpMethod.Post, "/fault/liveness?failures=3")
        {
            Content = new StringContent("""{"status":500}""", Encoding.UTF8, "application/json"),
        };

        // When the fault is injected
        using var response = await scenario.SendToPodAsync("target-app-7d9f8c6b5-x2x7q", 8080, request, TestContext.Current.CancellationToken);

        // Then the app's answer comes back, and the request kept its body, query and the bearer token
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("""{"failing":3}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var sent = Assert.Single(_stub.RequestsTo("POST", $"/api/v1/namespaces/{Ns}/pods/target-app-7d9f8c6b5-x2x7q:8080/proxy/fault/liveness"));
        Assert.Equal("""{"status":500}""", sent.Body);
        Assert.Equal("3", sent.Query["failures"]);
        Assert.StartsWith("application/json", sent.ContentType);
        Assert.Equal("Bearer stub-token", sent.Headers["Authorization"]);
    }

    [Fact]
    public async Task SendToService_goes_through_the_service_proxy_and_returns_the_apps_own_errors()
    {
        // Given a Service whose pods answer 503 while not ready
        var scenario = await CreateAsync();
        _stub.On("GET", $"/api/v1/namespaces/{Ns}/services/target-app:80/proxy/", new StubResponse(503, "no endpoints available"));

        // When a client of the Service calls it
        using var response = await scenario.SendToServiceAsync("target-app", 80, new HttpRequestMessage(HttpMethod.Get, "/"), TestContext.Current.CancellationToken);

        // Then the 503 is the answer, sent once (never retried)
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(_stub.RequestsTo("GET", $"/api/v1/namespaces/{Ns}/services/target-app:80/proxy/"));
    }

    [Fact]
    public async Task Release_with_keep_leaves_the_namespace_and_says_how_to_reach_it()
    {
        // Given a namespace
        var kept = new List<string>();
        var scenario = await CreateAsync(onKept: kept.Add);

        // When it is released with keep
        var message = await scenario.ReleaseAsync(keep: true, TestContext.Current.CancellationToken);

        // Then nothing was deleted and the message has the kubectl command
        Assert.Empty(_stub.RequestsTo("DELETE", $"/api/v1/namespaces/{Ns}"));
        Assert.Equal($"namespace {Ns} kept for inspection: kubectl --kubeconfig /tmp/stub-kubeconfig.yaml -n {Ns} get pods,endpointslices,events", message);
        Assert.Equal([Ns], kept);
    }

    [Fact]
    public async Task Release_stops_the_pods_at_once_and_the_namespace_disappears_in_the_background()
    {
        // Given a namespace that is Terminating for a while after the DELETE
        var progress = new ProgressLog();
        var context = TestContexts.For(_stub, progress: progress);
        var scenario = await CreateAsync(context);
        _stub.On("DELETE", $"/api/v1/namespaces/{Ns}/pods", StubResponse.Json("""{"kind":"PodList","apiVersion":"v1","items":[]}"""));
        _stub.On("DELETE", $"/api/v1/namespaces/{Ns}", StubResponse.Json(NamespaceJson("Terminating")));
        _stub.On("GET", $"/api/v1/namespaces/{Ns}",
            StubResponse.Json(NamespaceJson("Terminating")),
            StubResponse.Status(404, "NotFound", $"namespaces \"{Ns}\" not found"));

        // When it is released, and the run later waits for the deletions still running
        var message = await scenario.ReleaseAsync(keep: false, TestContext.Current.CancellationToken);
        var left = await context.Deletions.DrainAsync(TimeSpan.FromSeconds(30), progress, "[k3s]", TimeProvider.System);

        // Then the pods were deleted with a 1 s grace, the namespace once, polled until 404, and the deletion reported
        Assert.Null(message);
        Assert.Equal(0, left);
        var pods = Assert.Single(_stub.RequestsTo("DELETE", $"/api/v1/namespaces/{Ns}/pods"));
        Assert.Equal("1", pods.Query["gracePeriodSeconds"]);
        Assert.Single(_stub.RequestsTo("DELETE", $"/api/v1/namespaces/{Ns}"));
        Assert.Equal(2, _stub.RequestsTo("GET", $"/api/v1/namespaces/{Ns}").Count);
        Assert.Contains(progress.Lines, line => line.StartsWith($"[k3s] namespace {Ns} deleted in ", StringComparison.Ordinal));
        Assert.Empty(context.Deletions.Failures);
    }

    [Fact]
    public async Task A_namespace_stuck_terminating_is_reported_with_its_phase_when_the_run_waits_for_it()
    {
        // Given a namespace that never goes away
        var progress = new ProgressLog();
        var context = TestContexts.For(_stub, progress: progress, deletionTimeout: TimeSpan.FromMilliseconds(1500));
        var scenario = await CreateAsync(context);
        _stub.On("DELETE", $"/api/v1/namespaces/{Ns}", StubResponse.Json(NamespaceJson("Terminating")));
        _stub.On("GET", $"/api/v1/namespaces/{Ns}", StubResponse.Json(NamespaceJson("Terminating")));

        // When it is released and the run waits for its deletion
        await scenario.ReleaseAsync(keep: false, TestContext.Current.CancellationToken);
        await context.Deletions.DrainAsync(TimeSpan.FromSeconds(30), progress, "[k3s]", TimeProvider.System);

        // Then the failure says what was awaited and what was last seen, as a report rather than an exception
        var failure = Assert.Single(context.Deletions.Failures);
        Assert.StartsWith($"namespace {Ns}: namespace {Ns} to disappear did not happen within 1.5 s", failure);
        Assert.Contains($"last seen: namespace {Ns} is Terminating", failure);
        Assert.Contains(progress.Lines, line => line.StartsWith($"[k3s] could not delete namespace {Ns}: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calls_against_an_api_server_that_is_gone_fail_naming_it()
    {
        // Given a client pointed at a port nothing listens on
        var port = FreePort();
        var context = TestContexts.For(_stub) with
        {
            Connection = KubernetesConnection.Create(
                new KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}" }, "/tmp/k.yaml", null, StubApiServer.FastRetry, TimeProvider.System),
        };

        // When a namespace is created
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => KubernetesScenarioNamespace.CreateAsync(
            context, "x", 1, null, TestContext.Current.CancellationToken));

        // Then the error names the API server, says it is gone and how often it was tried
        Assert.StartsWith($"The API server at http://127.0.0.1:{port} is gone or unreachable while creating namespace ph-r1-1-x:", error.Message);
        Assert.Contains("gave up after 4 attempts", error.Message);
    }

    [Fact]
    public async Task Watch_merges_pods_slices_and_events_and_resumes_after_a_disconnect()
    {
        // Given a pod that changes, a second pod that comes and goes while the watch is down, a slice and two events
        var scenario = await CreateAsync();
        var podA = Responses.Item("pods.json", 0);
        var podB = Responses.Item("pods.json", 0, "1046");
        podB["metadata"]!["uid"] = "b-uid";
        podB["metadata"]!["name"] = "target-app-7d9f8c6b5-bbbbb";
        _stub.On("GET", $"/api/v1/namespaces/{Ns}/pods",
            StubResponse.Json(Responses.List("PodList", "v1", "1042", podA)),
            StubResponse.Json(Responses.List("PodList", "v1", "1050", Responses.Item("pods.json", 0, "1047"))));
        _stub.OnWatch($"/api/v1/namespaces/{Ns}/pods",
            StubResponse.Watch([Responses.Event("MODIFIED", Responses.Item("pods.json", 0, "1045")), Responses.Event("ADDED", podB)]),
            StubResponse.QuietWatch());
        _stub.On("GET", $"/apis/discovery.k8s.io/v1/namespaces/{Ns}/endpointslices", StubResponse.File("endpointslices-v1.json"));
        _stub.OnWatch($"/apis/discovery.k8s.io/v1/namespaces/{Ns}/endpointslices", StubResponse.QuietWatch());
        _stub.On("GET", $"/api/v1/namespaces/{Ns}/events", StubResponse.File("events.json"));
        _stub.OnWatch($"/api/v1/namespaces/{Ns}/events", StubResponse.QuietWatch());

        // When the namespace is watched until eight changes arrived
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(20));
        var changes = new List<ClusterChange>();
        await foreach (var change in scenario.WatchAsync(stop.Token))
        {
            changes.Add(change);
            if (changes.Count == 8)
            {
                break;
            }
        }

        // Then the pods' history is complete and in order, with the resumed watch's difference reported once
        var pods = changes.Where(change => change.Object is V1Pod)
            .Select(change => $"{change.Type} {change.Object.Metadata.Name[^5..]} {change.Object.Metadata.ResourceVersion}").ToList();
        Assert.Equal(["Added x2x7q 1041", "Modified x2x7q 1045", "Added bbbbb 1046", "Modified x2x7q 1047", "Deleted bbbbb 1046"], pods);
        Assert.Single(changes, change => change is { Type: WatchEventType.Added, Object: V1EndpointSlice });
        Assert.Equal(2, changes.Count(change => change is { Type: WatchEventType.Added, Object: Corev1Event }));
        Assert.All(changes, change => Assert.NotEqual(default, change.ObservedAt));

        // And the first watch started from the first list's resourceVersion, and the drop led to a second list
        var podRequests = _stub.RequestsTo("GET", $"/api/v1/namespaces/{Ns}/pods");
        Assert.Equal("1042", podRequests.First(request => request.IsWatch).Query["resourceVersion"]);
        Assert.Equal(2, podRequests.Count(request => !request.IsWatch));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
