using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;
using ProbeHarness.Steps.Tests.Support;

namespace ProbeHarness.Steps.Tests.Drivers;

public sealed class WorkloadDriverOwnAppTests
{
    [Fact]
    public void The_workload_path_is_read_beside_the_feature_file_and_its_first_probed_container_becomes_the_app()
    {
        // Given the example's feature file naming its manifest relatively
        var driver = TestWorkloadDriver.Create();

        // When
        driver.UseWorkloadFile("../deploy/own-app.yaml", "examples/own-app/features/own-app.feature");

        // Then
        Assert.True(driver.IsOwnWorkload);
        Assert.Equal(("own-app", "app"), (driver.DeploymentName, driver.ContainerName));
        Assert.EndsWith("examples/own-app/deploy/own-app.yaml", driver.Manifest!.Value.File);
        Assert.Equal(["liveness", "readiness", "startup"], driver.Manifest.Value.Probes.Select(p => p.Kind));
    }

    [Fact]
    public void A_missing_manifest_names_both_places_it_was_looked_for()
    {
        // Given
        var driver = TestWorkloadDriver.Create();

        // When
        var error = Assert.Throws<ScenarioInputException>(() => driver.UseWorkloadFile("deploy/nope.yaml", "features/x/y.feature"));

        // Then
        Assert.Contains("\"deploy/nope.yaml\" was found neither beside the feature file", error.Message);
        Assert.Contains("features/x/deploy/nope.yaml", error.Message);
    }

    [Fact]
    public void Settings_only_the_target_app_reads_are_refused_for_an_own_workload()
    {
        // Given
        var driver = TestWorkloadDriver.Create();
        driver.UseWorkloadFile("examples/own-app/deploy/own-app.yaml", "features/x/y.feature");

        // When
        var env = Assert.Throws<ScenarioInputException>(() => driver.RequireTargetApp("IGNORE_SIGTERM"));
        var container = Assert.Throws<ScenarioInputException>(() => driver.AddContainer("worker", ContainerRole.Regular));

        // Then
        Assert.Contains("IGNORE_SIGTERM is a setting of the harness's target app", env.Message);
        Assert.Contains("container \"worker\" (a copy of the target app)", container.Message);
    }
}
