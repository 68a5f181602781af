using k8s.Models;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Expectations on named containers of a pod: their started/ready flags, and the order in which they start and end (server timestamps, whole seconds).</summary>
public sealed class ContainerDriver(PodRoster roster, WorkloadDriver workload, Expectations expectations)
{
    /// <summary>Waits until the container's <c>started</c> or <c>ready</c> flag is <paramref name="value"/>, within <paramref name="within"/>.</summary>
    public Task FlagAsync(int ordinal, string container, ContainerFlag flag, bool value, TimeSpan within, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var c = workload.ContainerNamed(container).Name;
        return expectations.EventuallyAsync(
            $"container \"{c}\" of pod {ordinal} to be {(value ? "" : "not ")}{flag.ToString().ToLowerInvariant()}",
            within,
            state => state.RequirePod(name) is var pod && Flag(pod, c, flag) == value
                ? Observation.Holds(pod.Describe(c))
                : Observation.Not(pod.Describe(c)),
            cancellationToken);
    }

    /// <summary>Checks for <paramref name="window"/> that the container's flag stays <paramref name="value"/>.</summary>
    public Task FlagStaysAsync(int ordinal, string container, ContainerFlag flag, bool value, TimeSpan window, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var c = workload.ContainerNamed(container).Name;
        return expectations.ConsistentlyAsync(
            $"container \"{c}\" of pod {ordinal} stays {(value ? "" : "not ")}{flag.ToString().ToLowerInvariant()}",
            window,
            state => Observation.If(Flag(state.RequirePod(name), c, flag) == value, state.RequirePod(name).Describe(c)),
            cancellationToken);
    }

    /// <summary>Checks that the first run of <paramref name="later"/> started at least <paramref name="seconds"/> after the first run of <paramref name="earlier"/> (startedAt, ± the whole-second precision).</summary>
    public Task StartedAfterAsync(int ordinal, string later, string earlier, double seconds, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var (a, b) = (workload.ContainerNamed(later).Name, workload.ContainerNamed(earlier).Name);
        return expectations.EventuallyAsync(
            $"container \"{a}\" of pod {ordinal} to have started at least {seconds} s after container \"{b}\"",
            TimeSpan.FromSeconds(10),
            state =>
            {
                var first = ContainerHistory.Of(state, name, a).FirstOrDefault();
                var reference = ContainerHistory.Of(state, name, b).FirstOrDefault();
                if (first is null || reference is null)
                {
                    return Observation.Not($"\"{a}\" started {first?.StartedAt.ToString("HH:mm:ss") ?? "not yet"}, \"{b}\" started {reference?.StartedAt.ToString("HH:mm:ss") ?? "not yet"}");
                }

                // Both are whole seconds: the real gap is at most 1 s more than the difference.
                var gap = (first.StartedAt - reference.StartedAt).TotalSeconds;
                return Observation.If(gap + 1 >= seconds, $"\"{a}\" started at {first.StartedAt:HH:mm:ss}, {gap:0} s (± 1 s) after \"{b}\" at {reference.StartedAt:HH:mm:ss}");
            },
            cancellationToken);
    }

    /// <summary>Waits (up to <paramref name="within"/>) until both containers' last runs ended and checks that <paramref name="later"/> ended no earlier than <paramref name="earlier"/> (finishedAt, whole seconds).</summary>
    public Task EndedNoEarlierAsync(int ordinal, string later, string earlier, TimeSpan within, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var (a, b) = (workload.ContainerNamed(later).Name, workload.ContainerNamed(earlier).Name);
        return expectations.EventuallyAsync(
            $"container \"{a}\" of pod {ordinal} to end no earlier than container \"{b}\"",
            within,
            state =>
            {
                var last = ContainerHistory.Of(state, name, a).LastOrDefault();
                var reference = ContainerHistory.Of(state, name, b).LastOrDefault();
                if (last?.FinishedAt is not { } ended || reference?.FinishedAt is not { } referenceEnded)
                {
                    return Observation.Not($"\"{a}\" ended {last?.FinishedAt?.ToString("HH:mm:ss") ?? "not yet"}, \"{b}\" ended {reference?.FinishedAt?.ToString("HH:mm:ss") ?? "not yet"}");
                }

                var detail = $"\"{a}\" ended at {ended:HH:mm:ss} ({last.Reason}, {last.ExitCode}), \"{b}\" at {referenceEnded:HH:mm:ss} ({reference.Reason}, {reference.ExitCode})";
                return ended >= referenceEnded
                    ? Observation.Holds(detail)
                    : throw new ExpectationFailedException($"Expected container \"{a}\" of pod {ordinal} to end no earlier than container \"{b}\", but {detail}");
            },
            cancellationToken);
    }

    private static bool Flag(V1Pod pod, string container, ContainerFlag flag) => pod.ContainerStatus(container) is { } status && flag switch
    {
        ContainerFlag.Started => status.Started == true,
        _ => status.Ready,
    };
}
