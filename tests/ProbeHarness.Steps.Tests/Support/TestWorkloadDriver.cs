using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Tests.Support;

/// <summary>A workload driver over a namespace that only serves logs: enough for everything before the deployment.</summary>
public static class TestWorkloadDriver
{
    /// <summary>A fresh driver with the target app's default manifest.</summary>
    public static WorkloadDriver Create()
    {
        var cluster = new ScenarioCluster(new LogOnlyNamespace { Logs = _ => "" }, CancellationToken.None);
        var clock = new ScenarioClock();
        var log = new ScenarioLog(clock);
        var observer = new ClusterObserver(cluster, log);
        var recorder = new ScenarioRecorder();
        return new WorkloadDriver(cluster, observer, new PodRoster(), new Expectations(observer, log, recorder, clock), recorder, clock, log);
    }
}
