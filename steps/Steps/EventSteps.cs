using Reqnroll;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Steps;

/// <summary>Steps about the kubelet's events: Unhealthy, Killing, BackOff, ProbeWarning, …; counted by occurrence.</summary>
[Binding]
public sealed class EventSteps(EventDriver events, FaultDriver faults, PodRoster roster, ScenarioCluster cluster)
{
    /// <summary>How long an event may take to arrive (kubelets rate-limit events; v1.20 to 5/s).</summary>
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(15);

    /// <summary>Then an event "Unhealthy" with message "Liveness probe failed: HTTP probe failed with statuscode: 500" is recorded for pod 1.</summary>
    [Then(@"^an event ""([^""]+)"" with message ""((?:[^""\\]|\\.)*)"" is recorded for (pod \d+|any pod)$")]
    public Task ThenEventWithMessage(string reason, string message, string pod) =>
        events.RecordedAsync(Ordinal(pod), reason, new MessagePattern(QuotedText.Unescape(message), false), 1, Arrival, cluster.Aborted);

    /// <summary>Then an event "Unhealthy" with message matching "^Liveness probe failed: .*" is recorded for pod 1.</summary>
    [Then(@"^an event ""([^""]+)"" with message matching ""((?:[^""\\]|\\.)*)"" is recorded for (pod \d+|any pod)$")]
    public Task ThenEventMatching(string reason, string pattern, string pod) =>
        events.RecordedAsync(Ordinal(pod), reason, new MessagePattern(QuotedText.Unescape(pattern), true), 1, Arrival, cluster.Aborted);

    /// <summary>Then an event "BackOff" is recorded for pod 1.</summary>
    [Then(@"^an event ""([^""]+)"" is recorded for (pod \d+|any pod)$")]
    public Task ThenEvent(string reason, string pod) => events.RecordedAsync(Ordinal(pod), reason, null, 1, Arrival, cluster.Aborted);

    /// <summary>Then at least 3 events "Unhealthy" with message matching "^Readiness probe failed" are recorded for pod 1.</summary>
    [Then(@"^at least (\d+) events? ""([^""]+)""((?: with message matching ""(?:[^""\\]|\\.)*"")?) (?:are|is) recorded for (pod \d+|any pod)$")]
    public Task ThenAtLeastEvents(int count, string reason, string clause, string pod) =>
        events.RecordedAsync(Ordinal(pod), reason, Pattern(clause), count, Arrival, cluster.Aborted);

    /// <summary>Then no event "Killing" is recorded for pod 1 (so far).</summary>
    [Then(@"^no event ""([^""]+)""((?: with message matching ""(?:[^""\\]|\\.)*"")?) is recorded for (pod \d+|any pod)$")]
    public void ThenNoEvent(string reason, string clause, string pod) => events.NotRecorded(Ordinal(pod), reason, Pattern(clause));

    /// <summary>Then no event "Unhealthy" is recorded for pod 1 after the fault (ignores what happened before the pod's last fault).</summary>
    [Then(@"^no event ""([^""]+)""((?: with message matching ""(?:[^""\\]|\\.)*"")?) is recorded for pod (\d+) after the fault$")]
    public void ThenNoEventAfterFault(string reason, string clause, int ordinal) =>
        events.NotRecorded(ordinal, reason, Pattern(clause), faults.FaultStartOf(roster.NameOf(ordinal))?.Latest
            ?? throw new ScenarioInputException($"pod {ordinal} has had no fault; say 'is recorded for pod {ordinal}' instead."));

    /// <summary>Then no event "Unhealthy" is recorded for pod 1 for 10 s.</summary>
    [Then(@"^no event ""([^""]+)""((?: with message matching ""(?:[^""\\]|\\.)*"")?) is recorded for (pod \d+|any pod) for (\d+) s$")]
    public Task ThenNoEventFor(string reason, string clause, string pod, int seconds) =>
        events.NotRecordedForAsync(Ordinal(pod), reason, Pattern(clause), TimeSpan.FromSeconds(seconds), cluster.Aborted);

    /// <summary>Then the first liveness probe failure of pod 1 comes between 4 and 7 s after its container started.</summary>
    [Then(@"^the first (liveness|readiness|startup) probe failure of pod (\d+) comes between (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?) s after its container started$")]
    public Task ThenFirstFailure(ProbeKind probe, int ordinal, double min, double max) =>
        events.FirstFailureAfterStartAsync(ordinal, probe, min, max, cluster.Aborted);

    /// <summary>Then 3 liveness probe failures of pod 1 come 2 s apart.</summary>
    [Then(@"^(\d+) (liveness|readiness|startup) probe failures of pod (\d+) come (\d+(?:\.\d+)?) s apart$")]
    public Task ThenFailuresApart(int failures, ProbeKind probe, int ordinal, double seconds) =>
        events.FailuresApartAsync(ordinal, probe, seconds, failures, cluster.Aborted);

    private static int? Ordinal(string pod) => pod == "any pod" ? null : PodSelection.Parse(pod).Ordinal;

    // The optional part " with message matching "…"" (empty when absent).
    private static MessagePattern? Pattern(string clause) =>
        string.IsNullOrEmpty(clause)
            ? null
            : new MessagePattern(QuotedText.Unescape(clause[(clause.IndexOf('"', StringComparison.Ordinal) + 1)..^1]), true);

    // In a step, \" stands for a quote inside the quoted message.

}
