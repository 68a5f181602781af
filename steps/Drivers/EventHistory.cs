using k8s.Models;

namespace ProbeHarness.Steps.Drivers;

/// <summary>The events of the namespace as occurrences in time, from the watch's change stream (the kubelet folds repeats into one event with a count).</summary>
public static class EventHistory
{
    /// <summary>Every occurrence of every pod event seen, in the order the changes arrived.</summary>
    public static IReadOnlyList<EventOccurrence> Occurrences(ClusterState state)
    {
        var counts = new Dictionary<string, int>();
        var occurrences = new List<EventOccurrence>();
        foreach (var change in state.Changes)
        {
            if (change.Object is not Corev1Event e || change.Type == k8s.WatchEventType.Deleted || e.InvolvedObject?.Kind != "Pod")
            {
                continue;
            }

            var name = e.Metadata?.Name ?? "";
            var count = Count(e);
            var seen = counts.GetValueOrDefault(name);
            if (count <= seen)
            {
                continue;
            }

            counts[name] = count;
            occurrences.Add(new EventOccurrence(
                TimeOf(e) ?? change.ObservedAt,
                e.InvolvedObject.Name ?? "",
                e.Reason ?? "",
                e.Message ?? "",
                e.Type ?? "",
                count - seen,
                change.ObservedAt));
        }

        return occurrences;
    }

    /// <summary>How many times the event happened (series count, else count, else 1).</summary>
    public static int Count(Corev1Event e) => e.Series?.Count ?? e.Count ?? 1;

    /// <summary>When the event last happened, by the server's clock.</summary>
    public static DateTimeOffset? TimeOf(Corev1Event e) =>
        ClusterTime.ToInstant(e.Series?.LastObservedTime ?? e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp);
}
