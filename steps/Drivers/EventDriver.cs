using ProbeHarness.Kubelet.Timing;
using System.Globalization;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Expectations on the kubelet's events for a pod (Unhealthy, Killing, BackOff, ProbeWarning, …), counted by occurrence.</summary>
public sealed class EventDriver(
    ClusterObserver observer,
    PodRoster roster,
    WorkloadDriver workload,
    TimingDriver timing,
    FaultDriver faults,
    Expectations expectations)
{
    /// <summary>Waits until at least <paramref name="count"/> occurrences of the event are recorded for the selected pods (or any pod when null).</summary>
    public Task RecordedAsync(int? ordinal, string reason, MessagePattern? message, int count, TimeSpan within, CancellationToken cancellationToken)
    {
        var pod = ordinal is { } n ? roster.NameOf(n) : null;
        return expectations.EventuallyAsync(
            $"{(count == 1 ? "an event" : $"at least {count} events")} {reason}{(message is null ? "" : $" with message {message}")} for {Whom(ordinal)}",
            within,
            state =>
            {
                var matching = Matching(state, pod, reason, message);
                var seen = matching.Sum(o => o.Times);
                return Observation.If(seen >= count, $"{seen} seen; {Recent(state, pod, reason)}");
            },
            cancellationToken);
    }

    /// <summary>Checks that no such event is recorded for the pod (or any pod when null), at all or, with <paramref name="since"/>, since then.</summary>
    public void NotRecorded(int? ordinal, string reason, MessagePattern? message, DateTimeOffset? since = null)
    {
        var pod = ordinal is { } n ? roster.NameOf(n) : null;
        var matching = Matching(observer.State, pod, reason, message).Where(o => since is null || o.SeenAt >= since).ToList();
        if (matching.Count > 0)
        {
            throw new ExpectationFailedException(
                $"Expected no event {reason}{(message is null ? "" : $" with message {message}")} for {Whom(ordinal)}, but saw: {string.Join(" | ", matching.Select(Describe))}");
        }
    }

    /// <summary>Checks for <paramref name="window"/> that no such event is recorded for the pod (or any pod when null).</summary>
    public Task NotRecordedForAsync(int? ordinal, string reason, MessagePattern? message, TimeSpan window, CancellationToken cancellationToken)
    {
        var pod = ordinal is { } n ? roster.NameOf(n) : null;
        var before = Matching(observer.State, pod, reason, message).Sum(o => o.Times);
        return expectations.ConsistentlyAsync(
            $"no new event {reason}{(message is null ? "" : $" with message {message}")} for {Whom(ordinal)}",
            window,
            state =>
            {
                var matching = Matching(state, pod, reason, message);
                return Observation.If(matching.Sum(o => o.Times) == before, matching.Count == 0 ? "none" : string.Join(" | ", matching.TakeLast(3).Select(Describe)));
            },
            cancellationToken);
    }

    /// <summary>
    /// Checks that the first failure event of <paramref name="probe"/> for the pod's current run came between <paramref name="min"/> and
    /// <paramref name="max"/> seconds after the container started (server timestamps, whole seconds).
    /// </summary>
    public Task FirstFailureAfterStartAsync(int ordinal, ProbeKind probe, double min, double max, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var prefix = $"{probe} probe failed";
        return expectations.EventuallyAsync(
            $"the first {probe.ToString().ToLowerInvariant()} probe failure of pod {ordinal} {min:0.#}–{max:0.#} s after its container started",
            TimeSpan.FromSeconds(max + TimingDriver.PropagationSlack.TotalSeconds + 5),
            state =>
            {
                var started = ContainerHistory.Of(state, name, workload.ContainerName).FirstOrDefault()?.Started;
                var first = Occurrences(state, name).FirstOrDefault(o => o.Reason == "Unhealthy" && o.Message.StartsWith(prefix, StringComparison.Ordinal));
                if (started is null || first is null)
                {
                    return Observation.Not($"container started {(started is null ? "not yet" : "yes")}, {prefix} not yet seen");
                }

                var measured = MeasuredDuration.Between(started, first.Instant);
                var timed = new TimedReaction(name, ReactionMeasure.FirstFailure, TimingReference.Start, probe.ToString().ToLowerInvariant());
                timing.Judge(timed, ReactionWindow.Stated(min, max), started, first.Instant);
                return Observation.Holds(string.Create(CultureInfo.InvariantCulture, $"{measured.Seconds:0.#} s ± {measured.PrecisionSeconds:0.#} after start"));
            },
            cancellationToken);
    }

    /// <summary>
    /// Checks that successive failure events of <paramref name="probe"/> for the pod, from its last fault on (or from the start
    /// without one), are <paramref name="seconds"/> apart (±1 s of timestamp resolution).
    /// </summary>
    public Task FailuresApartAsync(int ordinal, ProbeKind probe, double seconds, int failures, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var prefix = $"{probe} probe failed";

        // A probe that timed out on a loaded node before the fault is not one of the fault's failures; its gap to them is not a period.
        var since = faults.FaultStartOf(name)?.Earliest ?? DateTimeOffset.MinValue;
        return expectations.EventuallyAsync(
            $"{failures} {probe.ToString().ToLowerInvariant()} probe failures of pod {ordinal}, {seconds:0.#} s apart",
            TimeSpan.FromSeconds((failures + 1) * seconds + 10),
            state =>
            {
                var times = Occurrences(state, name)
                    .Where(o => o.Reason == "Unhealthy" && o.Message.StartsWith(prefix, StringComparison.Ordinal) && o.Instant.Latest >= since)
                    .SelectMany(o => Enumerable.Repeat(o.At, o.Times))
                    .ToList();
                if (times.Count < failures)
                {
                    return Observation.Not($"{times.Count} failure(s) so far");
                }

                var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).Take(failures - 1).ToList();
                var text = string.Join(", ", gaps.Select(g => g.ToString("0.#", CultureInfo.InvariantCulture) + " s"));
                if (gaps.Any(g => Math.Abs(g - seconds) > ClusterTime.Resolution.TotalSeconds))
                {
                    var at = string.Join(", ", times.Take(failures).Select(timing.Describe));
                    throw new ExpectationFailedException($"The {probe} probe failures of pod {ordinal} were {text} apart (at {at}); expected {seconds:0.#} s (±1 s).");
                }

                return Observation.Holds($"{text} apart");
            },
            cancellationToken);
    }

    private static string Whom(int? ordinal) => ordinal is { } n ? $"pod {n}" : "any pod";

    private static List<EventOccurrence> Occurrences(ClusterState state, string? pod) =>
        [.. EventHistory.Occurrences(state).Where(o => pod is null || o.PodName == pod)];

    private static List<EventOccurrence> Matching(ClusterState state, string? pod, string reason, MessagePattern? message) =>
        [.. Occurrences(state, pod).Where(o => o.Reason == reason && (message is null || message.Matches(o.Message)))];

    private string Recent(ClusterState state, string? pod, string reason)
    {
        var recent = Occurrences(state, pod).Where(o => o.Reason == reason).TakeLast(3).ToList();
        return recent.Count == 0 ? $"no {reason} events yet" : $"latest {reason}: {string.Join(" | ", recent.Select(Describe))}";
    }

    private string Describe(EventOccurrence o) => $"{timing.Describe(o.At)} {roster.Label(o.PodName)} {o.Reason} \"{o.Message}\"{(o.Times > 1 ? $" ×{o.Times}" : "")}";
}
