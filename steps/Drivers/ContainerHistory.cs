using k8s.Models;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Every run of a pod's container the watch saw, rebuilt from the running, terminated and lastState.terminated states of each status update.</summary>
public static class ContainerHistory
{
    /// <summary>The runs of <paramref name="container"/> in pod <paramref name="podName"/>, oldest first.</summary>
    public static IReadOnlyList<ContainerInstance> Of(ClusterState state, string podName, string container)
    {
        var runs = new Dictionary<string, ContainerInstance>();
        foreach (var change in state.Changes)
        {
            if (change.Object is not V1Pod pod || pod.Metadata?.Name != podName || pod.ContainerStatus(container) is not { } status)
            {
                continue;
            }

            Merge(runs, status.State?.Running is { } running
                ? new ContainerInstance(status.ContainerID ?? "", ClusterTime.ToInstant(running.StartedAt) ?? change.ObservedAt, null, null, null)
                : null);
            Merge(runs, Finished(status.State?.Terminated, status.ContainerID, TerminationPublication.State));
            Merge(runs, Finished(status.LastState?.Terminated, status.LastState?.Terminated?.ContainerID, TerminationPublication.LastState));
        }

        return [.. runs.Values.OrderBy(r => r.StartedAt)];
    }

    private static ContainerInstance? Finished(V1ContainerStateTerminated? terminated, string? containerId, TerminationPublication publishedAs) =>
        terminated?.StartedAt is { } started
            ? new ContainerInstance(
                containerId ?? "",
                ClusterTime.ToInstant(started),
                ClusterTime.ToInstant(terminated.FinishedAt),
                terminated.ExitCode,
                terminated.Reason,
                publishedAs)
            : null;

    // A run is known by its container ID, or (when a status leaves the ID out) by its start time; what finished wins over what runs.
    private static void Merge(Dictionary<string, ContainerInstance> runs, ContainerInstance? run)
    {
        if (run is null)
        {
            return;
        }

        // Two runs can start in the same second (a crash restarted at once), so a start time only stands in when an ID is missing.
        var key = run.ContainerId.Length > 0
            ? runs.ContainsKey(run.ContainerId)
                ? run.ContainerId
                : runs.FirstOrDefault(r => r.Value.ContainerId.Length == 0 && r.Value.StartedAt == run.StartedAt).Key ?? run.ContainerId
            : runs.FirstOrDefault(r => r.Value.StartedAt == run.StartedAt).Key ?? run.StartedAt.ToString("O");
        if (runs.TryGetValue(key, out var known))
        {
            runs[key] = run.FinishedAt is null
                ? known
                : run with
                {
                    ContainerId = run.ContainerId.Length > 0 ? run.ContainerId : known.ContainerId,
                    EndPublishedAs = known.EndPublishedAs | run.EndPublishedAs,
                };
        }
        else
        {
            runs[key] = run;
        }
    }
}
