using Reqnroll;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Steps;

/// <summary>Steps about the pod's other containers: adding an app container, a sidecar or an init container, their probes, faults and expectations.</summary>
[Binding]
public sealed class ContainerSteps(
    WorkloadDriver workload,
    FaultDriver faults,
    RestartDriver restarts,
    ContainerDriver containers,
    ScenarioCluster cluster)
{
    private const string Name = @"""([a-z0-9][-a-z0-9]*)""";

    /// <summary>Given a sidecar container "shipper" running the target app (a restartable init container, Kubernetes 1.29+).</summary>
    [Given(@"^a sidecar container " + Name + " running the target app$")]
    public void GivenSidecar(string name) => workload.AddContainer(name, ContainerRole.Sidecar);

    /// <summary>Given an app container "worker" running the target app (a second entry of spec.containers).</summary>
    [Given(@"^an app container " + Name + " running the target app$")]
    public void GivenAppContainer(string name) => workload.AddContainer(name, ContainerRole.Regular);

    /// <summary>Given an init container "migrate" running the target app that exits with code 0 after 2 s.</summary>
    [Given(@"^an init container " + Name + @" running the target app that exits with code (\d+) after (\d+(?:\.\d+)?) s$")]
    public void GivenInitContainer(string name, int exitCode, double seconds)
    {
        workload.AddContainer(name, ContainerRole.Init);
        workload.EndRunAfter(name, seconds, exitCode, succeedFromRun: null);
    }

    /// <summary>Given an init container "migrate" running the target app that exits with code 1 after 1 s on its first 2 runs, then with 0.</summary>
    [Given(@"^an init container " + Name + @" running the target app that exits with code (\d+) after (\d+(?:\.\d+)?) s on its first (\d+) runs?, then with 0$")]
    public void GivenFailingInitContainer(string name, int exitCode, double seconds, int failingRuns)
    {
        workload.AddContainer(name, ContainerRole.Init);
        workload.EndRunAfter(name, seconds, exitCode, succeedFromRun: failingRuns + 1);
    }

    /// <summary>Given a liveness probe on container "shipper": (one-row probe table).</summary>
    [Given(@"^an? (liveness|readiness|startup) probe on container " + Name + ":$")]
    public void GivenProbe(ProbeKind kind, string container, Table table) => workload.SetProbe(kind, ProbeTable.Parse(kind, table), container);

    /// <summary>Given container "shipper"'s environment variable STARTUP_DELAY_SECONDS is "5".</summary>
    [Given(@"^the environment variable (\w+) of container " + Name + " is " + QuotedText.Pattern + "$")]
    public void GivenEnvironment(string variable, string container, string value) => workload.SetEnvironment(variable, QuotedText.Unescape(value), container);

    /// <summary>When the liveness endpoint of container "shipper" of pod 1 starts failing with status 500.</summary>
    [When(@"^the (liveness|readiness|startup) endpoint of container " + Name + @" of (pod \d+|every pod) starts failing with status (\d+)$")]
    public Task WhenFailing(ProbeKind kind, string container, PodSelection pods, int status) =>
        faults.InjectAsync(pods, FaultRequest.Fail(kind, status), cluster.Aborted, container);

    /// <summary>When the readiness endpoint of container "shipper" of pod 1 recovers.</summary>
    [When(@"^the (liveness|readiness|startup) endpoint of container " + Name + @" of (pod \d+|every pod) recovers$")]
    public Task WhenRecovering(ProbeKind kind, string container, PodSelection pods) =>
        faults.InjectAsync(pods, FaultRequest.Recover(kind), cluster.Aborted, container);

    /// <summary>When container "worker" of pod 1 crashes with exit code 3.</summary>
    [When(@"^container " + Name + @" of (pod \d+|every pod) crashes with exit code (\d+)$")]
    public Task WhenCrashing(string container, PodSelection pods, int exitCode) =>
        faults.InjectAsync(pods, FaultRequest.Crash(exitCode), cluster.Aborted, container);

    /// <summary>Then container "shipper" of pod 1 is restarted at least 1 time within 30 s.</summary>
    [Then(@"^container " + Name + @" of (pod \d+|every pod) is restarted at least (\d+) times? within (\d+) s$")]
    public Task ThenRestartedAtLeast(string container, PodSelection pods, int times, int seconds) =>
        restarts.RestartedAtLeastAsync(pods, times, TimeSpan.FromSeconds(seconds), cluster.Aborted, container);

    /// <summary>Then container "target-app" of pod 1 is not restarted for 10 s (nor killed, nor exited).</summary>
    [Then(@"^container " + Name + @" of (pod \d+|every pod) is not restarted for (\d+) s$")]
    public Task ThenNotRestarted(string container, PodSelection pods, int seconds) =>
        restarts.NotRestartedForAsync(pods, TimeSpan.FromSeconds(seconds), cluster.Aborted, container);

    /// <summary>Then the restart count of container "shipper" of pod 1 is 1.</summary>
    [Then(@"^the restart count of container " + Name + @" of pod (\d+) is (\d+)$")]
    public Task ThenRestartCount(string container, int ordinal, int count) =>
        restarts.RestartCountAsync(ordinal, count, CountBound.Exactly, cluster.Aborted, container);

    /// <summary>Then the restart count of container "migrate" of pod 1 is at least 2.</summary>
    [Then(@"^the restart count of container " + Name + @" of pod (\d+) is at least (\d+)$")]
    public Task ThenRestartCountAtLeast(string container, int ordinal, int count) =>
        restarts.RestartCountAsync(ordinal, count, CountBound.AtLeast, cluster.Aborted, container);

    /// <summary>Then the restart count of container "shipper" of pod 1 is at most 1.</summary>
    [Then(@"^the restart count of container " + Name + @" of pod (\d+) is at most (\d+)$")]
    public Task ThenRestartCountAtMost(string container, int ordinal, int count) =>
        restarts.RestartCountAsync(ordinal, count, CountBound.AtMost, cluster.Aborted, container);

    /// <summary>Then the last termination of container "worker" of pod 1 has reason "Error" and exit code 3.</summary>
    [Then(@"^the last termination of container " + Name + @" of pod (\d+) has reason ""([^""]+)"" and exit code (\d+)$")]
    public Task ThenLastTermination(string container, int ordinal, string reason, int exitCode) =>
        restarts.LastTerminationAsync(ordinal, reason, exitCode, cluster.Aborted, container);

    /// <summary>Then the last termination of container "migrate" of pod 1 has exit code 0.</summary>
    [Then(@"^the last termination of container " + Name + @" of pod (\d+) has exit code (\d+)$")]
    public Task ThenLastExitCode(string container, int ordinal, int exitCode) =>
        restarts.LastTerminationAsync(ordinal, null, exitCode, cluster.Aborted, container);

    /// <summary>Then container "shipper" of pod 1 is ready within 20 s (or: is not ready, is started, is not started).</summary>
    [Then(@"^container " + Name + @" of pod (\d+) is ((?:not )?)(started|ready) within (\d+) s$")]
    public Task ThenFlag(string container, int ordinal, string not, string flag, int seconds) =>
        containers.FlagAsync(ordinal, container, Enum.Parse<ContainerFlag>(flag, ignoreCase: true), not.Length == 0, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then container "target-app" of pod 1 stays ready for 5 s (or: stays not ready, stays not started).</summary>
    [Then(@"^container " + Name + @" of pod (\d+) stays ((?:not )?)(started|ready) for (\d+) s$")]
    public Task ThenFlagStays(string container, int ordinal, string not, string flag, int seconds) =>
        containers.FlagStaysAsync(ordinal, container, Enum.Parse<ContainerFlag>(flag, ignoreCase: true), not.Length == 0, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then container "target-app" of pod 1 started at least 5 s after container "shipper".</summary>
    [Then(@"^container " + Name + @" of pod (\d+) started at least (\d+(?:\.\d+)?) s after container " + Name + "$")]
    public Task ThenStartedAfter(string later, int ordinal, double seconds, string earlier) =>
        containers.StartedAfterAsync(ordinal, later, earlier, seconds, cluster.Aborted);

    /// <summary>Then container "shipper" of pod 1 ends no earlier than container "target-app" within 60 s.</summary>
    [Then(@"^container " + Name + @" of pod (\d+) ends no earlier than container " + Name + @" within (\d+) s$")]
    public Task ThenEndsNoEarlier(string later, int ordinal, string earlier, int seconds) =>
        containers.EndedNoEarlierAsync(ordinal, later, earlier, TimeSpan.FromSeconds(seconds), cluster.Aborted);
}
