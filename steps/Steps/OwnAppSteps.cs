using Reqnroll;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Steps;

/// <summary>Steps about a user's own app behind the probe fault proxy (its workload comes from 'Given the workload in "…"').</summary>
[Binding]
public sealed class OwnAppSteps(OwnAppMeasurements ownApp, ScenarioCluster cluster)
{
    /// <summary>Then the app of pod 1 exits with code 0 within 15 s after SIGTERM (the pod was deleted; the time is noted).</summary>
    [Then(@"^the app of pod (\d+) exits with code (\d+) within (\d+) s after SIGTERM$")]
    public Task ThenExitsAfterSigterm(int ordinal, int exitCode, int seconds) =>
        ownApp.ExitsAfterSigtermAsync(ordinal, exitCode, TimeSpan.FromSeconds(seconds), cluster.Aborted);
}
