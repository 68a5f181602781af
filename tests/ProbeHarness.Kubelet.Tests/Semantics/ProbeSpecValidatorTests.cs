using k8s.Models;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Kubelet.Tests.Fakes;

namespace ProbeHarness.Kubelet.Tests.Semantics;

/// <summary>API-server probe validation with field paths (<c>validateProbe</c> and friends).</summary>
public sealed class ProbeSpecValidatorTests
{
    private const string Liveness = "spec.template.spec.containers[0].livenessProbe";

    public static TheoryData<string, V1Probe, string> LivenessErrors => new()
    {
        { "successThreshold 2", new V1Probe { HttpGet = Get(8080), SuccessThreshold = 2 }, $"{Liveness}.successThreshold: Invalid value: 2: must be 1" },
        { "negative period", new V1Probe { HttpGet = Get(8080), PeriodSeconds = -1 }, $"{Liveness}.periodSeconds: Invalid value: -1: must be greater than or equal to 0" },
        { "negative timeout", new V1Probe { HttpGet = Get(8080), TimeoutSeconds = -5 }, $"{Liveness}.timeoutSeconds: Invalid value: -5: must be greater than or equal to 0" },
        { "negative delay", new V1Probe { HttpGet = Get(8080), InitialDelaySeconds = -1 }, $"{Liveness}.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0" },
        { "negative failure threshold", new V1Probe { HttpGet = Get(8080), FailureThreshold = -2 }, $"{Liveness}.failureThreshold: Invalid value: -2: must be greater than or equal to 0" },
        { "zero probe grace", new V1Probe { HttpGet = Get(8080), TerminationGracePeriodSeconds = 0 }, $"{Liveness}.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0" },
        { "no handler", new V1Probe(), $"{Liveness}: Required value: must specify a handler type" },
        { "two handlers", new V1Probe { HttpGet = Get(8080), TcpSocket = new V1TCPSocketAction { Port = 8080 } }, $"{Liveness}.tcpSocket: Forbidden: may not specify more than 1 handler type" },
        { "port 0", new V1Probe { HttpGet = Get(0) }, $"{Liveness}.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive" },
        { "port 70000", new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 70000 } }, $"{Liveness}.tcpSocket.port: Invalid value: 70000: must be between 1 and 65535, inclusive" },
        { "grpc port", new V1Probe { Grpc = new V1GRPCAction { Port = 0 } }, $"{Liveness}.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive" },
        { "bad port name", new V1Probe { HttpGet = new V1HTTPGetAction { Port = "Web_Port" } }, $"{Liveness}.httpGet.port: Invalid value: \"Web_Port\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)" },
        { "scheme", new V1Probe { HttpGet = new V1HTTPGetAction { Port = 8080, Scheme = "FTP" } }, $"{Liveness}.httpGet.scheme: Unsupported value: \"FTP\": supported values: \"HTTP\", \"HTTPS\"" },
        { "empty exec", new V1Probe { Exec = new V1ExecAction { Command = [] } }, $"{Liveness}.exec.command: Required value" },
    };

    [Theory]
    [MemberData(nameof(LivenessErrors))]
    public void A_bad_liveness_probe_is_rejected_naming_the_field(string because, V1Probe probe, string expected)
    {
        // Given a deployment template whose only container has the liveness probe
        var template = Template(new V1Container { Name = "app", Image = "x", Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }], LivenessProbe = probe });

        // When it is validated
        var errors = ProbeSpecValidator.ValidateTemplate(template);

        // Then the API server's error is reported with its path
        Assert.True(errors.Any(e => e.ToString() == expected), $"{because}: expected {expected}, got [{string.Join("; ", errors)}]");
        Assert.All(errors, e => Assert.Equal(FieldErrorOrigin.ApiServer, e.Origin));
    }

    [Fact]
    public void Readiness_may_not_set_a_probe_grace_period_but_may_set_successThreshold()
    {
        // Given a readiness probe with a grace period and successThreshold 3
        var container = TestPods.Container(readiness: TestPods.Http("/ready", successThreshold: 3, terminationGracePeriodSeconds: 30));

        // When its pod spec is validated
        var errors = ProbeSpecValidator.Validate(TestPods.Pod(container).Spec);

        // Then only the grace period is rejected
        Assert.Equal(["spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 30: must not be set for readinessProbes"], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Startup_needs_successThreshold_1_too()
    {
        // Given a startup probe with successThreshold 2
        var container = TestPods.Container(startup: TestPods.Http("/s", successThreshold: 2));

        // When validated
        var errors = ProbeSpecValidator.ValidateProbe(container.StartupProbe, ProbeType.Startup, container, "spec.containers[0].startupProbe");

        // Then
        Assert.Equal("spec.containers[0].startupProbe.successThreshold: Invalid value: 2: must be 1", errors.Single().ToString());
    }

    [Fact]
    public void Zero_period_and_thresholds_are_valid_because_they_default()
    {
        // Given zeros everywhere
        var container = TestPods.Container(liveness: new V1Probe { HttpGet = Get(8080), PeriodSeconds = 0, TimeoutSeconds = 0, FailureThreshold = 0, SuccessThreshold = 0 });

        // When validated
        var errors = ProbeSpecValidator.Validate(TestPods.Pod(container).Spec);

        // Then nothing is wrong
        Assert.Empty(errors);
    }

    [Fact]
    public void A_named_port_must_match_a_container_port_or_the_kubelet_discards_every_attempt()
    {
        // Given a liveness probe on named port "metrics" that the container does not declare, and one on "http" that it does
        var container = TestPods.Container(
            liveness: new V1Probe { HttpGet = new V1HTTPGetAction { Port = "metrics", Path = "/" } },
            readiness: new V1Probe { HttpGet = new V1HTTPGetAction { Port = "http", Path = "/" } });

        // When validated
        var errors = ProbeSpecValidator.Validate(TestPods.Pod(container).Spec);

        // Then only "metrics" is reported, as a kubelet-side problem the API server accepts
        var error = Assert.Single(errors);
        Assert.Equal(FieldErrorOrigin.Kubelet, error.Origin);
        Assert.Equal(FieldErrorType.NotFound, error.Type);
        Assert.StartsWith("spec.containers[0].livenessProbe.httpGet.port: Not found: \"metrics\": no containerPort named \"metrics\"", error.ToString());
    }

    [Fact]
    public void Every_container_and_probe_type_is_checked()
    {
        // Given errors in the second container's readiness and startup probes
        var pod = TestPods.Pod(
            TestPods.Container("a", liveness: TestPods.Http("/l")),
            TestPods.Container("b", readiness: TestPods.Http("/r", period: -3), startup: TestPods.Http("/s", successThreshold: 5)));

        // When validated
        var errors = ProbeSpecValidator.Validate(pod.Spec).Select(e => e.Field);

        // Then both paths are named
        Assert.Equal(["spec.containers[1].readinessProbe.periodSeconds", "spec.containers[1].startupProbe.successThreshold"], errors);
    }

    private static V1HTTPGetAction Get(int port) => new() { Path = "/healthz", Port = port };

    private static V1PodTemplateSpec Template(V1Container container) => new() { Spec = new V1PodSpec { Containers = [container] } };
}
