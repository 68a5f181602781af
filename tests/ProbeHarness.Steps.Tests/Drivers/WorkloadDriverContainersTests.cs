using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;
using ProbeHarness.Steps.Tests.Support;

namespace ProbeHarness.Steps.Tests.Drivers;

/// <summary>Containers a scenario adds beside the target app: where each goes in the pod spec, its own ports, and bad names.</summary>
public sealed class WorkloadDriverContainersTests
{
    [Fact]
    public void Each_added_container_runs_the_target_app_on_ports_of_its_own_without_probes()
    {
        // Given the default workload
        var workload = TestWorkloadDriver.Create();

        // When an app container and a sidecar are added
        var worker = workload.AddContainer("worker", ContainerRole.Regular);
        var shipper = workload.AddContainer("shipper", ContainerRole.Sidecar);

        // Then the first listens on 8180/8181/9190, the second on 8280/8281/9290, neither has probes, and the sidecar is a restartable init container
        Assert.Equal([8180, 8181, 9190], worker.Ports.Select(p => p.ContainerPort));
        Assert.Equal("8180", worker.Env.Single(e => e.Name == "PORT").Value);
        Assert.Equal(8280, workload.HttpPortOf("shipper"));
        Assert.Null(worker.LivenessProbe);
        Assert.Null(shipper.ReadinessProbe);
        Assert.Equal("Always", shipper.RestartPolicy);
        var spec = workload.Workload.Deployment.Spec.Template.Spec;
        Assert.Equal(["target-app", "worker"], spec.Containers.Select(c => c.Name));
        Assert.Equal(["shipper"], spec.InitContainers.Select(c => c.Name));
        Assert.True(workload.HasSidecar);
        Assert.Equal(8080, workload.HttpPortOf(null));
    }

    [Fact]
    public void An_init_container_that_fails_its_first_runs_counts_them_on_a_volume_of_its_own()
    {
        // Given the default workload
        var workload = TestWorkloadDriver.Create();

        // When an init container fails its first 2 runs
        workload.AddContainer("migrate", ContainerRole.Init);
        workload.EndRunAfter("migrate", 1.5, 1, succeedFromRun: 3);

        // Then it is a plain init container ending after 1.5 s with 1 until run 3, counting runs in an emptyDir
        var migrate = workload.Workload.Deployment.Spec.Template.Spec.InitContainers.Single();
        Assert.Null(migrate.RestartPolicy);
        var env = migrate.Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("1.5", env["EXIT_AFTER_SECONDS"]);
        Assert.Equal("1", env["EXIT_CODE"]);
        Assert.Equal("3", env["SUCCEED_FROM_RUN"]);
        Assert.Equal($"{WorkloadDriver.RunCountDirectory}/migrate", env["RUN_COUNT_FILE"]);
        Assert.Contains(workload.Workload.Deployment.Spec.Template.Spec.Volumes, v => v.Name == "run-count" && v.EmptyDir is not null);
    }

    [Theory]
    [InlineData("Shipper", "is not a DNS-1123 label")]
    [InlineData("target-app", "already has a container \"target-app\"")]
    public void A_bad_or_taken_name_is_refused_naming_it(string name, string message)
    {
        // Given the default workload
        var workload = TestWorkloadDriver.Create();

        // When a container with that name is added
        var error = Assert.Throws<ScenarioInputException>(() => workload.AddContainer(name, ContainerRole.Sidecar));

        // Then the error says why
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_probe_on_an_unknown_container_is_refused_naming_the_pods_containers()
    {
        // Given the default workload with a sidecar
        var workload = TestWorkloadDriver.Create();
        workload.AddContainer("shipper", ContainerRole.Sidecar);

        // When a probe is set on container "shiper"
        var error = Assert.Throws<ScenarioInputException>(() => workload.SetProbe(ProbeKind.Liveness, null, "shiper"));

        // Then the message names the containers there are
        Assert.Contains("no container \"shiper\"; it has: \"shipper\", \"target-app\"", error.Message);
    }
}
