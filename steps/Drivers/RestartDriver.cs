using System.Globalization;
using k8s.Models;
using ProbeHarness.Kubelet.Timing;
using Reqnroll.UnitTestProvider;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Expectations on container restarts: when they happen (against the probe's bound), how many, how the last run ended, the back-off between runs.</summary>
public sealed class RestartDriver(
    ClusterObserver observer,
    ScenarioRecorder recorder,
    PodRoster roster,
    WorkloadDriver workload,
    FaultDriver faults,
    ReactionQueries bounds,
    TimingDriver timing,
    Expectations expectations,
    ScenarioClock clock,
    IUnitTestRuntimeProvider runtime)
{
    // A restart within this of the exit was not held back by the back-off.
    private const double ImmediateRestartSeconds = 5;

    /// <summary>Waits until each selected pod's container runs again after its last fault (or after now), within <paramref name="within"/>.</summary>
    public Task RestartedWithinAsync(PodSelection pods, Within within, CancellationToken cancellationToken) =>
        Task.WhenAll(workload.PodNames(pods, observer.State).Select(name => RestartedWithinAsync(name, within, cancellationToken)));

    /// <summary>Waits until the restart count of container <paramref name="container"/> (null: the target app's) of each selected pod reaches <paramref name="times"/>.</summary>
    public Task RestartedAtLeastAsync(PodSelection pods, int times, TimeSpan within, CancellationToken cancellationToken, string? container = null)
    {
        var c = workload.ContainerNamed(container).Name;
        return Task.WhenAll(workload.PodNames(pods, observer.State).Select(name => expectations.EventuallyAsync(
            $"{Subject(container, roster.Label(name))} to be restarted at least {times} times",
            within,
            state => state.RequirePod(name) is var pod && pod.RestartCount(c) >= times
                ? Observation.Holds(pod.Describe(c))
                : Observation.Not(pod.Describe(c)),
            cancellationToken)));
    }

    /// <summary>
    /// Checks for <paramref name="window"/> that no selected pod's container is killed, exits or restarts. A pod being deleted
    /// ends its container as the deletion asks and is never restarted (the kubelet stops its liveness and startup probes),
    /// so there only a restart counts.
    /// </summary>
    /// <param name="pods">The pods.</param>
    /// <param name="window">How long it must hold.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <param name="container">The container (null: the target app's).</param>
    public Task NotRestartedForAsync(PodSelection pods, TimeSpan window, CancellationToken cancellationToken, string? container = null)
    {
        var c = workload.ContainerNamed(container).Name;
        var names = workload.PodNames(pods, observer.State);
        var start = observer.State;
        var baseline = names.ToDictionary(n => n, n => start.RequirePod(n).RestartCount(c));
        return expectations.ConsistentlyAsync(
            $"{Subject(container, pods.ToString())} is not restarted",
            TimeSpan.FromSeconds(window.TotalSeconds),
            state =>
            {
                foreach (var name in names)
                {
                    var pod = state.RequirePod(name);
                    if (pod.RestartCount(c) != baseline[name] || pod.EndedOutsideDeletion(c))
                    {
                        return Observation.Not($"{roster.Label(name)}: {pod.Describe(c)} (restartCount was {baseline[name]})");
                    }
                }

                return Observation.Holds(string.Join("; ", names.Select(n => $"{roster.Label(n)} restartCount={baseline[n]}")));
            },
            cancellationToken);
    }

    /// <summary>
    /// Checks that no selected pod is restarted for its liveness window: until the latest moment the kubelet model allows a
    /// liveness kill after the pod's last fault (its container start without one), no longer. Each pod's window is logged.
    /// </summary>
    public Task NotRestartedForLivenessWindowAsync(PodSelection pods, CancellationToken cancellationToken)
    {
        var state = observer.State;
        var now = clock.Now;
        var until = now;
        foreach (var name in workload.PodNames(pods, state))
        {
            var fault = faults.LastFaultOf(name);
            var window = bounds.LivenessKillWindow(fault);
            // Without a fault the window counts from the container's start: whole seconds, so up to 1 s later than stated.
            var from = fault?.Active.Latest
                ?? ClusterTime.ToInstant(state.RequirePod(name).ContainerStatus(workload.Container.Name)?.State?.Running?.StartedAt)?.AddSeconds(1)
                ?? now;
            var end = from + window.Latest;
            recorder.Note($"{roster.Label(name)}: liveness window until +{clock.SecondsAt(end):0.0} s ({window.Formula}; latest {window.Latest.TotalSeconds:0.#} s after {(fault is null ? "the container start" : "the fault")})");
            until = end > until ? end : until;
        }

        return NotRestartedForAsync(pods, until - now, cancellationToken);
    }

    /// <summary>Checks the restart count of container <paramref name="container"/> (null: the target app's) of the pod (now, or within a few seconds while status catches up).</summary>
    public Task RestartCountAsync(int ordinal, int expected, CountBound bound, CancellationToken cancellationToken, string? container = null)
    {
        var name = roster.NameOf(ordinal);
        var c = workload.ContainerNamed(container).Name;
        return expectations.EventuallyAsync(
            $"the restart count of {Subject(container, $"pod {ordinal}")} to be {bound switch { CountBound.AtLeast => "at least ", CountBound.AtMost => "at most ", _ => "" }}{expected}",
            TimeSpan.FromSeconds(5),
            state =>
            {
                var pod = state.RequirePod(name);
                var count = pod.RestartCount(c);
                return Observation.If(bound switch { CountBound.AtLeast => count >= expected, CountBound.AtMost => count <= expected, _ => count == expected }, pod.Describe(c));
            },
            cancellationToken);
    }

    /// <summary>Checks on every change for <paramref name="window"/> that the container's restart count never goes down (a recreated pod or a lost status would).</summary>
    public Task RestartCountNeverDecreasesAsync(int ordinal, TimeSpan window, CancellationToken cancellationToken, string? container = null)
    {
        var name = roster.NameOf(ordinal);
        var c = workload.ContainerNamed(container).Name;
        var start = observer.State;
        var from = start.Changes.Count;
        var baseline = start.RequirePod(name).RestartCount(c);
        return expectations.ConsistentlyAsync(
            $"the restart count of {Subject(container, $"pod {ordinal}")} never decreases",
            window,
            state =>
            {
                var previous = baseline;
                foreach (var change in state.Changes.Skip(from))
                {
                    if (change.Object is V1Pod pod && pod.Metadata?.Name == name)
                    {
                        var count = pod.RestartCount(c);
                        if (count < previous)
                        {
                            return Observation.Not($"restartCount went from {previous} to {count} at {change.ObservedAt:HH:mm:ss.fff}");
                        }

                        previous = count;
                    }
                }

                return Observation.Holds($"restartCount {baseline} → {previous}, never lower than before");
            },
            cancellationToken);
    }

    /// <summary>
    /// Checks how the container's previous run ended, from every place the kubelet published it: <c>lastState.terminated</c>,
    /// and the terminated state seen on the watch during the restart. A real kubelet may publish neither (when the old
    /// container is gone before the status is computed, seen on v1.20): then there is nothing to judge and the scenario is
    /// skipped with that reason instead of failing as a probe verdict.
    /// </summary>
    /// <param name="ordinal">The pod.</param>
    /// <param name="reason">The reason wanted, or null for any.</param>
    /// <param name="exitCode">The exit code wanted, or null for any.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <param name="container">The container (null: the target app's).</param>
    public async Task LastTerminationAsync(int ordinal, string? reason, int? exitCode, CancellationToken cancellationToken, string? container = null)
    {
        var name = roster.NameOf(ordinal);
        var c = workload.ContainerNamed(container).Name;
        var wanted = string.Join(" and ", new[] { reason is null ? null : $"reason {reason}", exitCode is null ? null : $"exit code {exitCode}" }.OfType<string>());
        try
        {
            await expectations.EventuallyAsync(
                $"the last termination of {Subject(container, $"pod {ordinal}")} to have {wanted}",
                TimeSpan.FromSeconds(10),
                state =>
                {
                    var ended = LastEnded(state, name, c);
                    var seen = ended is null
                        ? "no termination published"
                        : $"reason {ended.Reason}, exit code {ended.ExitCode} (published as {Describe(ended.EndPublishedAs)})";
                    return Observation.If(
                        ended is not null && (reason is null || ended.Reason == reason) && (exitCode is null || ended.ExitCode == exitCode),
                        seen);
                },
                cancellationToken);
        }
        catch (ExpectationFailedException) when (LastEnded(observer.State, name, c) is null && observer.State.RequirePod(name).RestartCount(c) > 0)
        {
            runtime.TestIgnore(
                $"the kubelet published no termination of pod {ordinal}'s previous container (lastState is empty and no terminated state was seen on the watch), "
                + "as real kubelets may when the old container is gone before the status is computed: nothing to judge");
        }
    }

    /// <summary>Waits until the container waits with <paramref name="reason"/> (e.g. CrashLoopBackOff).</summary>
    public Task WaitingAsync(int ordinal, string reason, TimeSpan within, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        return expectations.EventuallyAsync(
            $"the container of pod {ordinal} to wait with reason {reason}",
            within,
            state => state.RequirePod(name) is var pod && pod.ContainerStatus(workload.ContainerName)?.State?.Waiting?.Reason == reason
                ? Observation.Holds(pod.Describe(workload.ContainerName))
                : Observation.Not(pod.Describe(workload.ContainerName)),
            cancellationToken);
    }

    /// <summary>
    /// Waits until the container has been restarted <paramref name="delayedRestarts"/> times after a crash-loop back-off
    /// delay (a kubelet may restart at once more than twice first: a K3s v1.20 node did three times), then checks that the
    /// delays follow the back-off (§1.6): runs restarted at once, then 10 s, 20 s, 40 s … (up to 300 s), each in the kubelet
    /// model's window (<see cref="ReactionQueries.BackOffDelay"/>); every delay is recorded as a timing. The wait is bounded
    /// by the model: the back-off delays asked for plus a liveness restart cycle for each run before and between them.
    /// </summary>
    public async Task BackOffGrowsAsync(int ordinal, int delayedRestarts, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var cycle = bounds.Window(ProbeKind.Liveness, faults.ActiveFaultOf(name), ReactionMeasure.Restart).Latest;
        var within = Enumerable.Range(0, delayedRestarts)
            .Aggregate(cycle * (delayedRestarts + 3), (sum, i) => sum + ReactionQueries.BackOffDelay(i).Latest);
        var delayed = await expectations.EventuallyAsync(
            $"{delayedRestarts} restarts of pod {ordinal} delayed by the crash-loop back-off",
            within,
            state =>
            {
                var (gaps, text) = RunGaps(state, name);
                // The first restarts after liveness kills come at once; the back-off shows from the first delayed one on.
                var late = gaps.SkipWhile(g => MeasuredDuration.Between(g.Exit, g.Start).Seconds < ImmediateRestartSeconds).ToList();
                return late.Count >= delayedRestarts
                    ? Observation.Holds(late, $"delays between runs: {text}")
                    : Observation.Not<List<(MeasuredInstant Exit, MeasuredInstant Start)>>($"delays between runs: {text}");
            },
            cancellationToken);

        for (var i = 0; i < delayed.Count; i++)
        {
            timing.Judge(
                new TimedReaction(name, ReactionMeasure.BackOffDelay, TimingReference.Exit, $"back-off {i + 1}"),
                ReactionQueries.BackOffDelay(i),
                delayed[i].Exit,
                delayed[i].Start);
        }
    }

    // The exit → next start of each of the container's runs so far, and how they read.
    private (List<(MeasuredInstant Exit, MeasuredInstant Start)> Gaps, string Text) RunGaps(ClusterState state, string name)
    {
        var runs = ContainerHistory.Of(state, name, workload.ContainerName);
        var gaps = runs.Zip(runs.Skip(1))
            .Where(pair => pair.First.Finished is not null)
            .Select(pair => (Exit: pair.First.Finished!, Start: pair.Second.Started))
            .ToList();
        return (gaps, string.Join(", ", gaps.Select(g => MeasuredDuration.Between(g.Exit, g.Start).Seconds.ToString("0.#", CultureInfo.InvariantCulture) + " s")));
    }

    /// <summary>Waits for the kubelet's Killing event for pod <paramref name="ordinal"/> after its last fault, timed against <paramref name="within"/>.</summary>
    public async Task KilledWithinAsync(int ordinal, Within within, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var active = faults.ActiveFaultOf(name);
        var reference = active?.Active ?? MeasuredInstant.Exact(clock.Now, InstantSource.HarnessClock);
        var window = within switch
        {
            { Window: { } stated } => stated,
            { Bound: ProbeKind.Liveness } => bounds.Window(ProbeKind.Liveness, active, ReactionMeasure.Kill),
            { Bound: null } => null,
            _ => throw new ScenarioInputException("a kill is timed with 'within the liveness detection bound', 'within <n> s' or 'between <a> and <b> s after the fault'."),
        };
        await timing.WaitAsync(
            $"pod {ordinal} to be killed",
            new TimedReaction(name, ReactionMeasure.Kill, active is null ? TimingReference.Start : TimingReference.Fault),
            reference,
            window,
            within.Seconds is { } s ? TimeSpan.FromSeconds(s) : null,
            state => KillAfter(state, name, reference.Earliest)?.Instant,
            state => state.RequirePod(name).Describe(workload.ContainerName),
            cancellationToken);
    }

    /// <summary>Checks that the run killed after the pod's last fault ended between <paramref name="min"/> and <paramref name="max"/> seconds after the Killing event (the grace period at work).</summary>
    public async Task ExitedAfterKillAsync(int ordinal, double min, double max, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var reference = faults.FaultStartOf(name)?.Earliest ?? DateTimeOffset.MinValue;
        var kill = await expectations.EventuallyAsync(
            $"a Killing event for pod {ordinal}",
            TimeSpan.FromSeconds(max + 30),
            state => KillAfter(state, name, reference) is { } k ? Observation.Holds(k, k.Message) : Observation.Not<EventOccurrence>("no Killing event yet"),
            cancellationToken);
        await timing.WaitAsync(
            $"the container of pod {ordinal} to exit after the kill",
            new TimedReaction(name, ReactionMeasure.Exit, TimingReference.Kill),
            kill.Instant,
            ReactionWindow.Stated(min, max),
            null,
            state => ContainerHistory.Of(state, name, workload.ContainerName)
                .FirstOrDefault(r => r.Finished is { } f && f.Latest >= kill.Instant.Earliest)?.Finished?.NotBefore(kill.Instant),
            state => state.RequirePod(name).Describe(workload.ContainerName),
            cancellationToken);
    }

    private static EventOccurrence? KillAfter(ClusterState state, string name, DateTimeOffset reference) =>
        EventHistory.Occurrences(state).FirstOrDefault(o => o.PodName == name && o.Reason == "Killing" && o.Instant.Latest >= reference);

    private async Task RestartedWithinAsync(string name, Within within, CancellationToken cancellationToken)
    {
        var label = roster.Label(name);
        var state = observer.State;
        var fault = faults.LastFaultOf(name);
        var baseline = fault?.RestartCount ?? state.RequirePod(name).RestartCount(workload.ContainerName);
        var runs = ContainerHistory.Of(state, name, workload.ContainerName);
        var active = faults.ActiveFaultOf(name);
        var started = runs.LastOrDefault()?.Started ?? MeasuredInstant.Exact(clock.Now, InstantSource.HarnessClock);

        // The new run is the first after the one that was up when the fault was sent (or when the step began); server
        // start times have whole seconds, so the run is known by its container ID.
        var upBefore = active?.ContainerId ?? state.RequirePod(name).ContainerStatus(workload.ContainerName)?.ContainerID ?? "";
        var now = MeasuredInstant.Exact(clock.Now, InstantSource.HarnessClock);
        var (reference, from, window) = within.Bound switch
        {
            null when within.Window is { } stated => (active?.Active ?? now, TimingReference.Fault, stated),
            null => (now, TimingReference.Fault, (ReactionWindow?)null),

            // Without an injected fault (e.g. FAULTS_AT_START) the probe fails from the container's start.
            ProbeKind.Liveness => (active?.Active ?? started, active is null ? TimingReference.Start : TimingReference.Fault, bounds.Window(ProbeKind.Liveness, active, ReactionMeasure.Restart)),
            ProbeKind.Startup => (started, TimingReference.Start, bounds.Window(ProbeKind.Startup, null, ReactionMeasure.Restart)),
            _ => throw new ScenarioInputException("a readiness probe never restarts a container; use 'the liveness detection bound' or 'the startup bound'."),
        };
        await timing.WaitAsync(
            $"{label} to be restarted",
            new TimedReaction(name, ReactionMeasure.Restart, from),
            reference,
            window,
            within.Seconds is { } s ? TimeSpan.FromSeconds(s) : null,
            current =>
            {
                if (current.RequirePod(name).RestartCount(workload.ContainerName) <= baseline)
                {
                    return null;
                }

                var history = ContainerHistory.Of(current, name, workload.ContainerName);
                var before = history.FirstOrDefault(r => r.ContainerId.Length > 0 && r.ContainerId == upBefore);
                var started = before is null
                    ? history.LastOrDefault()?.Started
                    : history.SkipWhile(r => r != before).Skip(1).FirstOrDefault()?.Started;

                // A restart comes after its kill; a whole-second start time alone could place it before.
                return started is not null && KillAfter(current, name, reference.Earliest) is { } kill ? started.NotBefore(kill.Instant) ?? started : started;
            },
            current => current.RequirePod(name).Describe(workload.ContainerName),
            cancellationToken);
    }


    private static ContainerInstance? LastEnded(ClusterState state, string podName, string container) =>
        ContainerHistory.Of(state, podName, container).LastOrDefault(run => run.FinishedAt is not null);

    // "container "shipper" of pod 1" when the step named a container, else the pod alone.
    private static string Subject(string? container, string pod) => container is null ? pod : $"container \"{container}\" of {pod}";

    private static string Describe(TerminationPublication publication) => publication switch
    {
        TerminationPublication.LastState => "lastState.terminated",
        TerminationPublication.State => "state.terminated on the watch, not in lastState",
        TerminationPublication.State | TerminationPublication.LastState => "state.terminated, then lastState.terminated",
        _ => "nowhere",
    };
}
