using ProbeHarness.Cluster;

namespace ProbeHarness.Steps.Support;

/// <summary>The scenario's own namespace on the run's backend, injected into every driver.</summary>
/// <param name="Namespace">The namespace the scenario deploys into and observes.</param>
/// <param name="Aborted">Cancelled when the test run is cancelled, the test times out or the scenario passes its deadline (<c>HARNESS_SCENARIO_TIMEOUT_SECONDS</c>).</param>
public sealed record ScenarioCluster(IScenarioNamespace Namespace, CancellationToken Aborted)
{
    /// <summary>The backend running the scenario.</summary>
    public BackendInfo Backend => Namespace.Backend;
}
