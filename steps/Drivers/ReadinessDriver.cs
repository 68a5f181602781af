using k8s.Models;
using ProbeHarness.Kubelet.Timing;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Expectations on readiness: the pod's Ready condition (timed against the probe's bound), other conditions, and the container's started/ready flags.</summary>
public sealed class ReadinessDriver(
    ClusterObserver observer,
    PodRoster roster,
    WorkloadDriver workload,
    FaultDriver faults,
    ReactionQueries bounds,
    TimingDriver timing,
    Expectations expectations,
    Support.ScenarioClock clock)
{
    /// <summary>Waits until each selected pod's Ready condition is <paramref name="ready"/>, within <paramref name="within"/>.</summary>
    public Task BecomesAsync(PodSelection pods, bool ready, Within within, CancellationToken cancellationToken) =>
        Task.WhenAll(workload.PodNames(pods, observer.State).Select(name => BecomesAsync(name, ready, within, cancellationToken)));

    /// <summary>Checks for <paramref name="window"/> that each selected pod's Ready condition stays <paramref name="ready"/>.</summary>
    public Task StaysAsync(PodSelection pods, bool ready, TimeSpan window, CancellationToken cancellationToken)
    {
        var names = workload.PodNames(pods, observer.State);
        return expectations.ConsistentlyAsync(
            $"{pods} stays {(ready ? "Ready" : "not Ready")}",
            window,
            state => names.Select(n => state.RequirePod(n)).FirstOrDefault(p => p.IsReady() != ready) is { } wrong
                ? Observation.Not($"{roster.Label(wrong)}: {wrong.Describe(workload.ContainerName)}")
                : Observation.Holds(string.Join("; ", names.Select(n => $"{roster.Label(n)} Ready={ready}"))),
            cancellationToken);
    }

    /// <summary>Checks a pod condition's status (and reason), allowing a few seconds for status to catch up.</summary>
    public Task ConditionAsync(int ordinal, string type, string status, string? reason, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        return expectations.EventuallyAsync(
            $"the {type} condition of pod {ordinal} to be {status}{(reason is null ? "" : $" with reason {reason}")}",
            TimeSpan.FromSeconds(5),
            state =>
            {
                var condition = state.RequirePod(name).Condition(type);
                var seen = condition is null ? $"no {type} condition" : $"{type}={condition.Status}, reason {condition.Reason ?? "(none)"}, message {condition.Message ?? "(none)"}";
                return Observation.If(condition?.Status == status && (reason is null || condition.Reason == reason), seen);
            },
            cancellationToken);
    }

    /// <summary>Waits until the container's <c>started</c> (or <c>ready</c>) flag is <paramref name="value"/>, within <paramref name="within"/>.</summary>
    public async Task ContainerFlagAsync(int ordinal, string flag, bool value, Within within, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var label = roster.Label(name);
        var runs = ContainerHistory.Of(observer.State, name, workload.ContainerName);
        var (reference, window) = within.Bound switch
        {
            null => (Now(), (ReactionWindow?)null),
            ProbeKind.Startup => (runs.LastOrDefault()?.Started ?? Now(), bounds.FromStart(ReactionMeasure.Started)),
            _ => throw new ScenarioInputException($"the container's {flag} flag is timed with 'within the startup bound' or 'within <n> s'."),
        };

        // The flags carry no timestamp: the watch's view of the flip (between the last version without it and the first with it) stands in for the server's.
        await timing.WaitAsync(
            $"the container of {label} to be {(value ? "" : "not ")}{flag}",
            new TimedReaction(name, flag == "started" ? ReactionMeasure.Started : ReactionMeasure.Ready, TimingReference.Start),
            reference,
            window,
            within.Seconds is { } s ? TimeSpan.FromSeconds(s) : null,
            state => Flag(state.RequirePod(name), flag) == value ? FirstSeen(state, name, p => Flag(p, flag) == value) : null,
            state => state.RequirePod(name).Describe(workload.ContainerName),
            cancellationToken);
    }

    /// <summary>Checks for <paramref name="window"/> that the container's flag stays <paramref name="value"/>.</summary>
    public Task ContainerFlagStaysAsync(int ordinal, string flag, bool value, TimeSpan window, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        return expectations.ConsistentlyAsync(
            $"the container of pod {ordinal} stays {(value ? "" : "not ")}{flag}",
            window,
            state => Observation.If(Flag(state.RequirePod(name), flag) == value, state.RequirePod(name).Describe(workload.ContainerName)),
            cancellationToken);
    }

    /// <summary>Checks that pod <paramref name="ordinal"/> became Ready at most <paramref name="seconds"/> after its container was started (as the watch saw both).</summary>
    public Task ReadySoonAfterStartedAsync(int ordinal, double seconds, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        return expectations.EventuallyAsync(
            $"pod {ordinal} to become Ready at most {seconds} s after its container started",
            TimeSpan.FromSeconds(5),
            state =>
            {
                var started = FirstSeen(state, name, p => Flag(p, "started"));
                var ready = FirstSeen(state, name, p => p.IsReady());
                if (started is null || ready is null)
                {
                    return Observation.Not($"started seen at {started?.Latest.ToString("HH:mm:ss.fff") ?? "never"}, Ready seen at {ready?.Latest.ToString("HH:mm:ss.fff") ?? "never"}");
                }

                var gap = (ready.Latest - started.Latest).TotalSeconds;
                timing.Record(new TimedReaction(name, ReactionMeasure.Ready, TimingReference.Started), started, ready);
                return Observation.If(gap <= seconds, $"Ready {gap:0.00} s after started");
            },
            cancellationToken);
    }

    /// <summary>Waits until pod <paramref name="ordinal"/> is Ready and judges its Ready flip against [<paramref name="min"/>, <paramref name="max"/>] s after its container's start (its startedAt).</summary>
    public async Task ReadyAfterStartAsync(int ordinal, double min, double max, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var started = ContainerHistory.Of(observer.State, name, workload.ContainerName).LastOrDefault()?.Started
            ?? throw new ExpectationFailedException($"{roster.Label(name)}: its container has not started, so nothing is counted from its start.");
        await timing.WaitAsync(
            $"{roster.Label(name)} to become Ready",
            new TimedReaction(name, ReactionMeasure.Ready, TimingReference.Start),
            started,
            ReactionWindow.Stated(min, max),
            null,
            state => state.RequirePod(name) is var pod && pod.IsReady() ? ReadyChange(state, name, pod, ready: true) : null,
            state => state.RequirePod(name).Describe(workload.ContainerName),
            cancellationToken);
    }

    private async Task BecomesAsync(string name, bool ready, Within within, CancellationToken cancellationToken)
    {
        var label = roster.Label(name);
        var runs = ContainerHistory.Of(observer.State, name, workload.ContainerName);
        var active = faults.ActiveFaultOf(name);
        var started = runs.LastOrDefault()?.Started ?? Now();
        var fromFault = active is null ? TimingReference.Start : TimingReference.Fault;
        var (reference, from, measure, window) = (within.Bound, ready) switch
        {
            (null, false) when within.Window is { } stated => (active?.Active ?? Now(), TimingReference.Fault, ReactionMeasure.NotReady, stated),
            (null, true) when within.Window is { } stated => (faults.FaultEndOf(name) ?? Now(), TimingReference.Recovery, ReactionMeasure.ReadyAgain, stated),
            (null, _) => (Now(), TimingReference.Fault, ready ? ReactionMeasure.ReadyAgain : ReactionMeasure.NotReady, (ReactionWindow?)null),
            (ProbeKind.Readiness, false) => (active?.Active ?? started, fromFault, ReactionMeasure.NotReady, bounds.Window(ProbeKind.Readiness, active, ReactionMeasure.NotReady)),
            (ProbeKind.Readiness, true) => (faults.FaultEndOf(name) ?? Now(), TimingReference.Recovery, ReactionMeasure.ReadyAgain, bounds.ReadyAgain(active)),
            (ProbeKind.Liveness, false) => (active?.Active ?? started, fromFault, ReactionMeasure.NotReady, bounds.Window(ProbeKind.Liveness, active, ReactionMeasure.NotReady)),
            (ProbeKind.Startup, true) => (started, TimingReference.Start, ReactionMeasure.Ready, bounds.FromStart(ReactionMeasure.Ready)),
            _ => throw new ScenarioInputException($"'becomes {(ready ? "" : "not ")}Ready within {within}' has no meaning; use the readiness detection bound or seconds."),
        };
        await timing.WaitAsync(
            $"{label} to become {(ready ? "Ready" : "not Ready")}",
            new TimedReaction(name, measure, from),
            reference,
            window,
            within.Seconds is { } s ? TimeSpan.FromSeconds(s) : null,
            state => state.RequirePod(name) is var pod && pod.IsReady() == ready
                ? ReadyChange(state, name, pod, ready)
                : null,
            state => state.RequirePod(name).Describe(workload.ContainerName),
            cancellationToken);
    }

    // The Ready flip: its whole-second transition time, capped by when the watch saw it.
    private static MeasuredInstant? ReadyChange(ClusterState state, string name, V1Pod pod, bool ready)
    {
        var seen = FirstSeen(state, name, p => p.IsReady() == ready);
        if (ClusterTime.ToInstant(pod.Condition("Ready")?.LastTransitionTime) is not { } transition)
        {
            return seen;
        }

        var server = ClusterTime.Measured(transition);
        return seen is null ? server : server.Intersect(seen) ?? server;
    }

    private MeasuredInstant Now() => MeasuredInstant.Exact(clock.Now, InstantSource.HarnessClock);

    // When the current streak of pod versions for which the predicate holds began, as the watch saw it: after the last
    // version without it arrived, no later than the first with it.
    private static MeasuredInstant? FirstSeen(ClusterState state, string name, Func<V1Pod, bool> predicate)
    {
        DateTimeOffset? since = null;
        DateTimeOffset? before = null;
        foreach (var change in state.Changes)
        {
            if (change.Object is V1Pod pod && pod.Metadata?.Name == name)
            {
                if (predicate(pod))
                {
                    since ??= change.ObservedAt;
                }
                else
                {
                    since = null;
                    before = change.ObservedAt;
                }
            }
        }

        return since is { } latest ? new MeasuredInstant(before is { } b && b <= latest ? b : latest, latest, InstantSource.Watch) : null;
    }

    private bool Flag(V1Pod pod, string flag) => pod.ContainerStatus(workload.ContainerName) is { } status && flag switch
    {
        "started" => status.Started == true,
        "ready" => status.Ready,
        _ => throw new ScenarioInputException($"the container has no flag '{flag}'; allowed: started, ready."),
    };

}
