using k8s.Models;
using ProbeHarness.Steps.Drivers;

namespace ProbeHarness.Steps.Tests.Drivers;

public sealed class FaultReachTests
{
    [Fact]
    public void An_exec_liveness_probe_reading_the_health_file_is_reached_by_a_liveness_fault_but_not_one_that_runs_its_own_command()
    {
        // Given two containers: one probing `cat /tmp/healthy`, one `sh -c "sleep 5"`
        var healthFile = Container(liveness: new V1Probe { Exec = new V1ExecAction { Command = ["cat", "/tmp/healthy"] } });
        var sleeps = Container(liveness: new V1Probe { Exec = new V1ExecAction { Command = ["sh", "-c", "sleep 5"] } });

        // When
        var reached = FaultReach.ProbesReading(healthFile, FaultRequest.Fail(ProbeKind.Liveness, 500));
        var unreached = FaultReach.ProbesReading(sleeps, FaultRequest.Fail(ProbeKind.Liveness, 500));

        // Then (a kill of the second was once timed against an HTTP-endpoint fault it never read)
        Assert.Equal([ProbeKind.Liveness], reached);
        Assert.Empty(unreached);
    }

    [Fact]
    public void A_dependency_outage_reaches_readiness_and_liveness_only_when_liveness_checks_the_dependency()
    {
        // Given HTTP liveness and readiness probes, with and without LIVENESS_CHECKS_DEPENDENCY
        var plain = Container(liveness: Http("/healthz"), readiness: Http("/readyz"));
        var checking = Container(liveness: Http("/healthz"), readiness: Http("/readyz"), env: new V1EnvVar { Name = "LIVENESS_CHECKS_DEPENDENCY", Value = "true" });

        // When / Then
        Assert.Equal([ProbeKind.Readiness], FaultReach.ProbesReading(plain, FaultRequest.Dependency(available: false)));
        Assert.Equal([ProbeKind.Liveness, ProbeKind.Readiness], FaultReach.ProbesReading(checking, FaultRequest.Dependency(available: false)));
    }

    [Fact]
    public void A_probe_follows_the_endpoint_it_calls_not_its_own_kind()
    {
        // Given a readiness probe that calls the liveness endpoint, and a TCP liveness probe on the raw port by name
        var container = Container(
            liveness: new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "tcp" } },
            readiness: Http("/healthz"));
        container.Ports = [new V1ContainerPort { ContainerPort = 8081, Name = "tcp" }];

        // When / Then
        Assert.Equal([ProbeKind.Readiness], FaultReach.ProbesReading(container, FaultRequest.Fail(ProbeKind.Liveness, 500)));
        Assert.Equal([ProbeKind.Liveness], FaultReach.ProbesReading(container, FaultRequest.Tcp(open: false)));
        Assert.Empty(FaultReach.ProbesReading(container, FaultRequest.Fail(ProbeKind.Readiness, 503)));
    }

    private static V1Probe Http(string path) => new() { HttpGet = new V1HTTPGetAction { Path = path, Port = 8080 } };

    private static V1Container Container(V1Probe? liveness = null, V1Probe? readiness = null, V1EnvVar? env = null) => new()
    {
        Name = "app",
        LivenessProbe = liveness,
        ReadinessProbe = readiness,
        Env = env is null ? null : [env],
    };
}
