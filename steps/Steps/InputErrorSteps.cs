using Reqnroll;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Steps;

/// <summary>Steps that check the step library's own input errors: a user's mistake is named, never run.</summary>
[Binding]
public sealed class InputErrorSteps(WorkloadDriver workload, ScenarioCluster cluster)
{
    /// <summary>Then this liveness probe table is refused with "unknown column 'periodSecond'": (the table).</summary>
    [Then(@"^this (liveness|readiness|startup) probe table is refused with ""([^""]*)"":$")]
    public void ThenProbeTableRefused(ProbeKind kind, string message, Table table)
    {
        var error = Assert.Throws<ScenarioInputException>(() => ProbeTable.Parse(kind, table));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Then deploying the target app is refused with "livenessProbe.httpGet.port: Not found" (nothing is deployed).</summary>
    [Then(@"^deploying the target app is refused with ""([^""]*)""$")]
    public async Task ThenDeployRefused(string message)
    {
        var error = await Assert.ThrowsAsync<ScenarioInputException>(() => workload.DeployAsync(untilReady: false, cluster.Aborted));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
