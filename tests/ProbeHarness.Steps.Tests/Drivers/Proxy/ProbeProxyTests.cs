using k8s.Models;
using ProbeHarness.Cluster.Manifests;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Drivers.Proxy;

namespace ProbeHarness.Steps.Tests.Drivers.Proxy;

public sealed class ProbeProxyTests
{
    private static readonly V1Container TargetApp = WorkloadManifest.LoadDefault().Deployment.Spec.Template.Spec.Containers[0];

    [Fact]
    public void Each_probe_is_re_pointed_at_its_own_route_and_the_proxy_gets_the_routes_and_the_shared_process_namespace()
    {
        // Given the example's manifest: httpGet liveness on a named port, httpGet readiness on a number, tcpSocket startup
        var workload = WorkloadManifest.Parse(Manifest(), "deploy/my-app.yaml");

        // When
        var proxied = ProbeProxy.Attach(workload, TargetApp);

        // Then
        var pod = proxied.Workload.Deployment.Spec.Template.Spec;
        var app = pod.Containers[0];
        var proxy = Assert.Single(proxied.Proxies);
        Assert.Equal(["liveness:http:15081:8080", "readiness:http:15082:8080", "startup:tcp:15083:8081"], proxy.Routes.Select(r => r.ToString()));
        Assert.Equal(("15081", "15082", "15083"), (app.LivenessProbe.HttpGet.Port.Value, app.ReadinessProbe.HttpGet.Port.Value, app.StartupProbe.TcpSocket.Port.Value));
        Assert.Equal("/health/live", app.LivenessProbe.HttpGet.Path);
        Assert.True(pod.ShareProcessNamespace);
        var sidecar = pod.Containers[1];
        Assert.Equal(("probe-proxy", TargetApp.Image), (sidecar.Name, sidecar.Image));
        Assert.Equal("liveness:http:15081:8080,readiness:http:15082:8080,startup:tcp:15083:8081", sidecar.Env.Single(e => e.Name == "PROXY_ROUTES").Value);
        Assert.Equal("15080", sidecar.Env.Single(e => e.Name == "PORT").Value);
        Assert.Equal(0, sidecar.SecurityContext.RunAsUser);
    }

    [Fact]
    public void The_caller_s_workload_is_left_as_it_was()
    {
        // Given
        var workload = WorkloadManifest.Parse(Manifest(), "deploy/my-app.yaml");

        // When
        ProbeProxy.Attach(workload, TargetApp);

        // Then
        Assert.Single(workload.Deployment.Spec.Template.Spec.Containers);
        Assert.Equal("http", workload.Deployment.Spec.Template.Spec.Containers[0].LivenessProbe.HttpGet.Port.Value);
    }

    [Fact]
    public void A_proxied_probe_is_traced_back_to_its_kind_and_protocol_and_faults_reach_it_by_route()
    {
        // Given the deployed app container
        var app = ProbeProxy.Attach(WorkloadManifest.Parse(Manifest(), "m.yaml"), TargetApp).Workload.Deployment.Spec.Template.Spec.Containers[0];

        // When
        var liveness = ProbeProxy.RouteOf(app.LivenessProbe);
        var startup = ProbeProxy.RouteOf(app.StartupProbe);

        // Then a liveness fault reaches liveness only, the TCP fault the tcpSocket route, a freeze the HTTP routes
        Assert.Equal((ProbeKind.Liveness, ProxyProtocol.Http), liveness);
        Assert.Equal((ProbeKind.Startup, ProxyProtocol.Tcp), startup);
        Assert.Equal([ProbeKind.Liveness], FaultReach.ProbesReading(app, FaultRequest.Fail(ProbeKind.Liveness, 500)));
        Assert.Equal([ProbeKind.Startup], FaultReach.ProbesReading(app, FaultRequest.Tcp(open: false)));
        Assert.Equal([ProbeKind.Liveness, ProbeKind.Readiness], FaultReach.ProbesReading(app, FaultRequest.Freeze(frozen: true)));
    }

    [Theory]
    [InlineData("port: http", "port: nothere", "livenessProbe.httpGet.port: 'nothere' names no port of container \"app\" (http 8080, tcp 8081)")]
    [InlineData("port: http", "port: 9999", "livenessProbe.httpGet.port: 9999 is not a port any container declares")]
    [InlineData("path: /health/live", "path: /health/live\n              scheme: HTTPS", "livenessProbe.httpGet.scheme: HTTPS probes are not proxied")]
    [InlineData("path: /health/live", "path: /health/live\n              host: example.com", "livenessProbe.httpGet.host: 'example.com' aims the probe at another host")]
    [InlineData("containerPort: 8081", "containerPort: 15081", "containers[0].ports: 15081 is one of the probe proxy's ports")]
    public void A_probe_the_proxy_cannot_serve_is_refused_naming_the_file_the_document_and_the_field(string from, string to, string expected)
    {
        // Given
        var workload = WorkloadManifest.Parse(Manifest().Replace(from, to, StringComparison.Ordinal), "deploy/my-app.yaml");

        // When
        var error = Assert.Throws<ManifestException>(() => ProbeProxy.Attach(workload, TargetApp));

        // Then
        Assert.StartsWith("deploy/my-app.yaml: line 1: Deployment my-app cannot be tested through the probe fault proxy: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_workload_without_probes_is_refused()
    {
        // Given
        var text = string.Join('\n', Manifest().Split('\n').TakeWhile(line => !line.Contains("livenessProbe", StringComparison.Ordinal))) + "\n" + Service;
        var workload = WorkloadManifest.Parse(text, "deploy/my-app.yaml");

        // When
        var error = Assert.Throws<ManifestException>(() => ProbeProxy.Attach(workload, TargetApp));

        // Then
        Assert.Contains("spec.template.spec.containers: no container has a liveness, readiness or startup probe", error.Message);
    }

    [Fact]
    public void An_exec_probe_runs_through_the_shim_which_shares_the_proxy_s_fault_directory()
    {
        // Given an exec readiness probe beside the HTTP liveness probe
        var text = Manifest().Replace("httpGet:\n              path: /health/ready\n              port: 8080", "exec:\n              command: [cat, /tmp/ready]", StringComparison.Ordinal);
        var workload = WorkloadManifest.Parse(text, "deploy/my-app.yaml");

        // When
        var proxied = ProbeProxy.Attach(workload, TargetApp);

        // Then the user's command runs last, behind the shim named after its probe; both containers mount the fault directory
        var pod = proxied.Workload.Deployment.Spec.Template.Spec;
        var app = pod.Containers[0];
        var command = app.ReadinessProbe.Exec.Command;
        Assert.Equal(["/bin/sh", "-c"], command.Take(2));
        Assert.Equal(["probe-fault-shim-readiness", "cat", "/tmp/ready"], command.Skip(3));
        Assert.Equal(ProbeKind.Readiness, ProbeProxy.ShimmedKindOf(app.ReadinessProbe));
        Assert.Null(ProbeProxy.ShimmedKindOf(workload.Deployment.Spec.Template.Spec.Containers[0].ReadinessProbe));
        Assert.DoesNotContain(proxied.Proxies[0].Routes, r => r.Probe == ProbeKind.Readiness);
        Assert.Equal(ProbeProxy.ExecFaultDirectory, app.Env.Single(e => e.Name == ProbeProxy.ExecFaultVariable).Value);
        Assert.All(pod.Containers, c => Assert.Contains(c.VolumeMounts, m => m.MountPath == ProbeProxy.ExecFaultDirectory));
        Assert.Equal(ProbeProxy.ExecFaultDirectory, pod.Containers[1].Env.Single(e => e.Name == "PROXY_EXEC_FAULT_DIR").Value);
        Assert.Equal("8080,8081", pod.Containers[1].Env.Single(e => e.Name == "PROXY_SIGNAL_PORTS").Value);
        Assert.Contains("the image needs /bin/sh", Assert.Single(proxied.Limits));
        Assert.Equal([ProbeKind.Readiness], FaultReach.ProbesReading(app, FaultRequest.Fail(ProbeKind.Readiness, 500)));
    }

    [Fact]
    public void A_StatefulSet_is_refused_with_what_to_do_instead()
    {
        // Given
        var text = Manifest().Replace("kind: Deployment", "kind: StatefulSet", StringComparison.Ordinal);

        // When
        var error = Assert.Throws<ManifestException>(() => WorkloadManifest.Parse(text, "deploy/my-app.yaml"));

        // Then
        Assert.Contains("StatefulSet my-app: the harness deploys a Deployment and cannot run a StatefulSet yet", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Route_ports_map_back_to_their_probe_kind_for_every_proxy_of_a_pod()
    {
        // Given / When / Then
        Assert.Equal(ProbeKind.Readiness, ProbeProxy.KindOfRoutePort(ProbeProxy.RoutePort(1, ProbeKind.Readiness)));
        Assert.Equal(15182, ProbeProxy.RoutePort(1, ProbeKind.Readiness));
        Assert.Null(ProbeProxy.KindOfRoutePort(ProbeProxy.FaultApiPort(0)));
        Assert.Null(ProbeProxy.KindOfRoutePort(8080));
        Assert.Equal("probe-proxy-2", ProbeProxy.ContainerName(1));
    }

    private const string Service = """
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: my-app
        spec:
          selector:
            app: my-app
          ports:
            - port: 80
              targetPort: http
        """;

    private static string Manifest() => """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: my-app
        spec:
          selector:
            matchLabels:
              app: my-app
          template:
            metadata:
              labels:
                app: my-app
            spec:
              containers:
                - name: app
                  image: example/my-app:dev
                  ports:
                    - name: http
                      containerPort: 8080
                    - name: tcp
                      containerPort: 8081
                  livenessProbe:
                    httpGet:
                      path: /health/live
                      port: http
                    periodSeconds: 2
                  readinessProbe:
                    httpGet:
                      path: /health/ready
                      port: 8080
                  startupProbe:
                    tcpSocket:
                      port: 8081
                    failureThreshold: 30
        """ + "\n" + Service;
}
