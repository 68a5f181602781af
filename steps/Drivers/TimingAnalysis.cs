using k8s.Models;
using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>
/// At the end of a scenario, measures for every injected fault what the kubelet did next (first failed probe, kill, exit,
/// restart, Ready=False) through the probes that read what the fault changed, in causal order, with the kubelet model's window
/// where one applies; a reaction no injected fault can have caused is recorded as unattributed, not judged.
/// </summary>
public sealed class TimingAnalysis(
    ClusterObserver observer,
    WorkloadDriver workload,
    FaultDriver faults,
    ReactionQueries bounds,
    TimingDriver timing)
{
    // How long after a fault ends a reaction can still be its doing: the result of the last attempt started while it lasted,
    // handled by the kubelet (the probe's own timeout is added per probe).
    private static readonly TimeSpan AfterEndSlack = TimeSpan.FromSeconds(1);

    /// <summary>Adds the timings of every fault to the record (steps that measured the same thing keep their own).</summary>
    public void Record()
    {
        var state = observer.State;
        var occurrences = EventHistory.Occurrences(state);
        foreach (var fault in faults.Injected.Where(f => !f.Request.Heals))
        {
            var until = faults.EndOf(fault);
            if (fault.Request.Target == FaultTarget.Process)
            {
                RecordCrash(state, fault);
                continue;
            }

            var kinds = FaultReach.ProbesReading(workload.Container, fault.Request);
            foreach (var kind in kinds)
            {
                RecordProbe(state, occurrences, fault, until, kind, kinds.Count > 1);
            }
        }
    }

    private void RecordProbe(ClusterState state, IReadOnlyList<EventOccurrence> occurrences, InjectedFault fault, MeasuredInstant? until, ProbeKind kind, bool several)
    {
        var pod = fault.Pod;
        var probe = workload.RequireProbe(kind);
        var cutoff = until is null ? DateTimeOffset.MaxValue : until.Latest + TimeSpan.FromSeconds(ProbeDescription.Effective(probe).TimeoutSeconds) + AfterEndSlack;
        var prefix = $"{kind} probe failed";
        var firstFailure = occurrences.FirstOrDefault(o => o.PodName == pod && o.Reason == "Unhealthy" && o.Message.StartsWith(prefix, StringComparison.Ordinal) && After(o, fault))?.Instant;
        var kills = kind != ProbeKind.Readiness;
        var kill = kills ? occurrences.FirstOrDefault(o => o.PodName == pod && o.Reason == "Killing" && After(o, fault))?.Instant : null;
        var runs = ContainerHistory.Of(state, pod, workload.ContainerName);
        var killed = kill is null ? null : runs.FirstOrDefault(r => r.ContainerId.Length > 0 && r.ContainerId == fault.ContainerId) ?? runs.LastOrDefault(r => r.Started.Earliest <= kill.Latest);
        var exit = killed?.Finished;
        var restart = killed is null ? null : runs.SkipWhile(r => r != killed).Skip(1).FirstOrDefault()?.Started;
        var notReady = kind == ProbeKind.Readiness ? NotReadyAt(state, pod, fault) : null;

        var chain = CausalOrder.Order([firstFailure, kill, exit, restart]);
        var note = chain is null ? "the sources disagree on the order (an effect before its cause); the times are shown as each source gave them" : null;
        var (ff, k, e, r) = chain is null ? (firstFailure, kill, exit, restart) : (chain[0], chain[1], chain[2], chain[3]);

        Add(fault, kind, ReactionMeasure.FirstFailure, TimingReference.Fault, fault.Active, ff, cutoff, note, several ? kind.ToString().ToLowerInvariant() : null);
        Add(fault, kind, ReactionMeasure.Kill, TimingReference.Fault, fault.Active, k, cutoff, note);
        if (k is not null && k.Earliest <= cutoff)
        {
            // The exit and the restart follow an attributed kill, however long the grace period makes them take.
            Add(fault, kind, ReactionMeasure.Exit, TimingReference.Kill, k, e, DateTimeOffset.MaxValue, note);
            Add(fault, kind, ReactionMeasure.Restart, TimingReference.Fault, fault.Active, r, DateTimeOffset.MaxValue, note);
        }

        Add(fault, kind, ReactionMeasure.NotReady, TimingReference.Fault, fault.Active, notReady, cutoff, null);
    }

    // A crash is no probe's doing: its restart and Ready flip are recorded without a window.
    private void RecordCrash(ClusterState state, InjectedFault fault)
    {
        var runs = ContainerHistory.Of(state, fault.Pod, workload.ContainerName);
        var crashed = runs.FirstOrDefault(r => r.ContainerId.Length > 0 && r.ContainerId == fault.ContainerId);
        var restart = crashed is null ? null : runs.SkipWhile(r => r != crashed).Skip(1).FirstOrDefault()?.Started.NotBefore(fault.Active);
        if (restart is not null)
        {
            timing.Record(new TimedReaction(fault.Pod, ReactionMeasure.Restart, TimingReference.Fault), fault.Active, restart);
        }

        if (NotReadyAt(state, fault.Pod, fault) is { } notReady)
        {
            timing.Record(new TimedReaction(fault.Pod, ReactionMeasure.NotReady, TimingReference.Fault), fault.Active, notReady);
        }
    }

    private void Add(InjectedFault fault, ProbeKind kind, ReactionMeasure measure, TimingReference reference, MeasuredInstant from, MeasuredInstant? at, DateTimeOffset cutoff, string? note, string? detail = null)
    {
        // What did not happen is judged by the scenario's own steps (a flapping probe must not kill, for one).
        if (at is null)
        {
            return;
        }

        var timed = new TimedReaction(fault.Pod, measure, reference, detail);
        if (at.Earliest > cutoff)
        {
            timing.Record(timed, from, at, TimingVerdict.Unattributed, $"after the fault had ended ({fault.Request.Description}); no injected fault was active to cause it");
            return;
        }

        ReactionWindow? window;
        try
        {
            window = bounds.Window(kind, fault, measure);
        }
        catch (ScenarioInputException)
        {
            // The model predicts no reaction to this fault, or none of this kind; what happened is recorded unbounded.
            window = null;
        }

        if (window is null || fault.Request.Target == FaultTarget.Memory)
        {
            // A leak takes effect when the app's memory sample crosses the probe's limit, which no model predicts.
            timing.Record(timed, from, at, TimingVerdict.Unbounded, note);
            return;
        }

        try
        {
            timing.Judge(timed, window, from, at, note);
        }
        catch (ExpectationFailedException)
        {
            // Recorded as early or late; the scenario's own steps decide whether the scenario held.
        }
    }

    // Seen after the fault, or in the same second (a whole-second timestamp).
    private static bool After(EventOccurrence occurrence, InjectedFault fault) =>
        occurrence.SeenAt >= fault.Active.Earliest && occurrence.Instant.Latest >= fault.Active.Earliest;

    // The first flip to Ready=False the watch delivered after the fault, at the server's transition time capped by the watch.
    private static MeasuredInstant? NotReadyAt(ClusterState state, string pod, InjectedFault fault) =>
        state.Changes
            .Where(c => c.ObservedAt >= fault.Active.Earliest && c.Object is V1Pod p && p.Metadata?.Name == pod)
            .Select(c => (Condition: ((V1Pod)c.Object).Condition("Ready"), c.ObservedAt))
            .Where(c => c.Condition?.Status == "False" && ClusterTime.ToInstant(c.Condition.LastTransitionTime) is { } t && ClusterTime.Measured(t).Latest >= fault.Active.Earliest)
            .Select(c => ClusterTime.Measured(ClusterTime.ToInstant(c.Condition!.LastTransitionTime)!.Value, c.ObservedAt).NotBefore(fault.Active))
            .FirstOrDefault(i => i is not null);
}
