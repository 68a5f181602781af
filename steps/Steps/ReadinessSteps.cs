using Reqnroll;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Steps;

/// <summary>Steps about readiness: the Ready condition, other pod conditions, the container's started and ready flags.</summary>
[Binding]
public sealed class ReadinessSteps(ReadinessDriver readiness, ScenarioCluster cluster)
{
    /// <summary>Then pod 1 becomes not Ready within the readiness detection bound.</summary>
    [Then(@"^(pod \d+|every pod) becomes not Ready within (.+)$")]
    public Task ThenNotReadyWithin(PodSelection pods, Within within) => readiness.BecomesAsync(pods, ready: false, within, cluster.Aborted);

    /// <summary>Then pod 1 becomes Ready within the readiness detection bound (counted from the end of its last fault).</summary>
    [Then(@"^(pod \d+|every pod) becomes Ready within (.+)$")]
    public Task ThenReadyWithin(PodSelection pods, Within within) => readiness.BecomesAsync(pods, ready: true, within, cluster.Aborted);

    /// <summary>Then pod 1 becomes not Ready between 2 and 4 s after the fault.</summary>
    [Then(@"^(pod \d+|every pod) becomes not Ready between (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?) s after the fault$")]
    public Task ThenNotReadyBetween(PodSelection pods, double min, double max) =>
        readiness.BecomesAsync(pods, ready: false, Within.Between(min, max), cluster.Aborted);

    /// <summary>Then pod 1 becomes Ready between 2 and 4 s after the fault ends.</summary>
    [Then(@"^(pod \d+|every pod) becomes Ready between (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?) s after the fault ends$")]
    public Task ThenReadyBetween(PodSelection pods, double min, double max) =>
        readiness.BecomesAsync(pods, ready: true, Within.Between(min, max), cluster.Aborted);

    /// <summary>Then pod 2 stays Ready for 10 s.</summary>
    [Then(@"^(pod \d+|every pod) stays Ready for (\d+) s$")]
    public Task ThenStaysReady(PodSelection pods, int seconds) => readiness.StaysAsync(pods, ready: true, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then pod 1 stays not Ready for 10 s.</summary>
    [Then(@"^(pod \d+|every pod) stays not Ready for (\d+) s$")]
    public Task ThenStaysNotReady(PodSelection pods, int seconds) => readiness.StaysAsync(pods, ready: false, TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then the Ready condition of pod 1 is False with reason "ContainersNotReady".</summary>
    [Then(@"^the (\w+) condition of pod (\d+) is (True|False) with reason ""([^""]+)""$")]
    public Task ThenConditionWithReason(string type, int ordinal, string status, string reason) =>
        readiness.ConditionAsync(ordinal, type, status, reason, cluster.Aborted);

    /// <summary>Then the Initialized condition of pod 1 is True.</summary>
    [Then(@"^the (\w+) condition of pod (\d+) is (True|False)$")]
    public Task ThenCondition(string type, int ordinal, string status) => readiness.ConditionAsync(ordinal, type, status, null, cluster.Aborted);

    /// <summary>Then the container of pod 1 is started within the startup bound (or "is not ready within 5 s").</summary>
    [Then(@"^the container of pod (\d+) is ((?:not )?)(started|ready) within (.+)$")]
    public Task ThenFlagWithin(int ordinal, string not, string flag, Within within) =>
        readiness.ContainerFlagAsync(ordinal, flag, string.IsNullOrEmpty(not), within, cluster.Aborted);

    /// <summary>Then the container of pod 1 stays not started for 5 s.</summary>
    [Then(@"^the container of pod (\d+) stays ((?:not )?)(started|ready) for (\d+) s$")]
    public Task ThenFlagStays(int ordinal, string not, string flag, int seconds) =>
        readiness.ContainerFlagStaysAsync(ordinal, flag, string.IsNullOrEmpty(not), TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then pod 1 becomes Ready between 3 and 8 s after its container started (counted from startedAt; no startup probe needed).</summary>
    [Then(@"^pod (\d+) becomes Ready between (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?) s after its container started$")]
    public Task ThenReadyBetweenAfterStart(int ordinal, double min, double max) =>
        readiness.ReadyAfterStartAsync(ordinal, min, max, cluster.Aborted);

    /// <summary>Then pod 1 becomes Ready at most 2 s after its container is started.</summary>
    [Then(@"^pod (\d+) becomes Ready at most (\d+(?:\.\d+)?) s after its container is started$")]
    public Task ThenReadySoonAfterStarted(int ordinal, double seconds) =>
        readiness.ReadySoonAfterStartedAsync(ordinal, seconds, cluster.Aborted);

}
