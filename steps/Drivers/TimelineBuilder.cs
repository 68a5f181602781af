using k8s.Models;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Lays what the watch saw on the scenario's time axis: faults, probe events, Ready flips, endpoint changes, exits and restarts.</summary>
public sealed class TimelineBuilder(ClusterObserver observer, PodRoster roster, WorkloadDriver workload, FaultDriver faults, ScenarioClock clock)
{
    /// <summary>The timeline, ordered by time.</summary>
    public IReadOnlyList<TimelineEntry> Build()
    {
        var state = observer.State;
        roster.Enrol(state);
        var entries = new List<TimelineEntry>();
        entries.AddRange(faults.Injected.Select(fault => Entry(fault.Active.Mid, "fault", fault.Pod, fault.Request.Description, null)));

        foreach (var e in EventHistory.Occurrences(state))
        {
            var (lane, value) = Lane(e);
            entries.Add(Entry(e.At, lane, e.PodName, value, e.Times > 1 ? $"{e.Message} (×{e.Times})" : e.Message));
        }

        foreach (var name in roster.Names)
        {
            var runs = ContainerHistory.Of(state, name, workload.ContainerName);
            for (var i = 0; i < runs.Count; i++)
            {
                entries.Add(Entry(runs[i].StartedAt, i == 0 ? "start" : "restart", name, i == 0 ? "running" : $"restartCount={i}", runs[i].ContainerId));
                if (runs[i].FinishedAt is { } finished)
                {
                    entries.Add(Entry(finished, "exit", name, $"exit {runs[i].ExitCode} ({runs[i].Reason})", runs[i].ContainerId));
                }
            }
        }

        entries.AddRange(ReadyFlips(state));
        entries.AddRange(EndpointChanges(state));
        return [.. entries.OrderBy(e => e.At)];
    }

    private IEnumerable<TimelineEntry> ReadyFlips(ClusterState state)
    {
        var last = new Dictionary<string, string?>();
        foreach (var change in state.Changes)
        {
            if (change.Object is not V1Pod pod || pod.Metadata?.Name is not { } name)
            {
                continue;
            }

            var ready = pod.Condition("Ready");
            if (ready is null || last.GetValueOrDefault(name) == ready.Status)
            {
                continue;
            }

            last[name] = ready.Status;
            yield return Entry(ClusterTime.ToInstant(ready.LastTransitionTime) ?? change.ObservedAt, "ready", name, ready.Status, ready.Reason);
        }
    }

    private IEnumerable<TimelineEntry> EndpointChanges(ClusterState state)
    {
        var last = new Dictionary<string, string>();
        foreach (var change in state.Changes)
        {
            if (change.Object is not V1EndpointSlice slice)
            {
                continue;
            }

            var listed = (slice.Endpoints ?? []).Where(e => e.TargetRef?.Name is not null).ToDictionary(e => e.TargetRef.Name, e => EndpointConditions.Describe(e.Conditions));
            foreach (var (pod, conditions) in listed)
            {
                if (last.GetValueOrDefault(pod) != conditions)
                {
                    last[pod] = conditions;
                    yield return Entry(change.ObservedAt, "endpoint", pod, conditions, slice.Metadata?.Name);
                }
            }

            foreach (var gone in last.Keys.Where(p => !listed.ContainsKey(p) && last[p] != "not listed").ToList())
            {
                last[gone] = "not listed";
                yield return Entry(change.ObservedAt, "endpoint", gone, "not listed", slice.Metadata?.Name);
            }
        }
    }

    private static (string Lane, string Value) Lane(EventOccurrence e) => e.Reason switch
    {
        "Unhealthy" => (ProbeLane(e.Message), e.Message.Contains("errored", StringComparison.Ordinal) ? "error" : "failure"),
        "ProbeWarning" => (ProbeLane(e.Message), "warning"),
        "Killing" => ("kill", e.Reason),
        "BackOff" => ("backoff", e.Reason),
        _ => ("event", e.Reason),
    };

    private static string ProbeLane(string message) =>
        message.StartsWith("Liveness", StringComparison.Ordinal) ? "liveness"
        : message.StartsWith("Readiness", StringComparison.Ordinal) ? "readiness"
        : message.StartsWith("Startup", StringComparison.Ordinal) ? "startup"
        : "probe";

    private TimelineEntry Entry(DateTimeOffset at, string lane, string pod, string value, string? detail) =>
        new(clock.SecondsAt(at), lane, roster.Label(pod), value, detail);
}
