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
    public Task StartedAfterAsync(int ordinal, string later, string earlier, double seconds, CancellationToken cancellationToken) =>
        CompareRunsAsync(
            ordinal, later, earlier, $"to have started at least {seconds} s after", TimeSpan.FromSeconds(10), runs => runs.FirstOrDefault(), run => run.StartedAt,
            (a, b, detail) =>
            {
                // Both are whole seconds: the real gap is at most 1 s more than the difference.
                var gap = (a - b).TotalSeconds;
                return Observation.If(gap + 1 >= seconds, $"{detail}: {gap:0} s (± 1 s)");
            },
            cancellationToken);

    /// <summary>Waits (up to <paramref name="within"/>) until both containers' last runs ended and checks that <paramref name="later"/> ended no earlier than <paramref name="earlier"/> (finishedAt, whole seconds).</summary>
    public Task EndedNoEarlierAsync(int ordinal, string later, string earlier, TimeSpan within, CancellationToken cancellationToken) =>
        CompareRunsAsync(
            ordinal, later, earlier, "to end no earlier than", within, runs => runs.LastOrDefault(), run => run.FinishedAt,
            (a, b, detail) => a >= b
                ? Observation.Holds(detail)
                : throw new ExpectationFailedException($"Expected container \"{later}\" of pod {ordinal} to end no earlier than container \"{earlier}\", but {detail}"),
            cancellationToken);

    // Waits until the chosen run of each container has the instant, then judges the two instants (server time, whole seconds).
    private Task CompareRunsAsync(
        int ordinal,
        string later,
        string earlier,
        string relation,
        TimeSpan within,
        Func<IReadOnlyList<ContainerInstance>, ContainerInstance?> pick,
        Func<ContainerInstance, DateTimeOffset?> instant,
        Func<DateTimeOffset, DateTimeOffset, string, Observation<bool>> judge,
        CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var (a, b) = (workload.ContainerNamed(later).Name, workload.ContainerNamed(earlier).Name);
        return expectations.EventuallyAsync(
            $"container \"{a}\" of pod {ordinal} {relation} container \"{b}\"",
            within,
            state =>
            {
                var (x, y) = (pick(ContainerHistory.Of(state, name, a)), pick(ContainerHistory.Of(state, name, b)));
                var (at, reference) = (x is null ? null : instant(x), y is null ? null : instant(y));
                var detail = $"\"{a}\" at {at?.ToString("HH:mm:ss") ?? "not yet"}{Ending(x)}, \"{b}\" at {reference?.ToString("HH:mm:ss") ?? "not yet"}{Ending(y)}";
                return at is { } first && reference is { } second ? judge(first, second, detail) : Observation.Not(detail);
            },
            cancellationToken);
    }

    private static string Ending(ContainerInstance? run) => run?.FinishedAt is null ? "" : $" ({run.Reason}, {run.ExitCode})";

    private static bool Flag(V1Pod pod, string container, ContainerFlag flag) => pod.ContainerStatus(container) is { } status && flag switch
    {
        ContainerFlag.Started => status.Started == true,
        _ => status.Ready,
    };
}
