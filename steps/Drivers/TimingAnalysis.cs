using k8s.Models;
using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>
/// At the end of a scenario, measures for every injected fault what the kubelet did next (first failed probe, kill, exit,
/// restart, Ready=False) through the probes that read what the fault changed: server timestamps sharpened by the target
/// app's own millisecond log, in causal order, with the kubelet model's window where one applies. A step's own timing is
/// measured again with the sharper instants; a reaction no injected fault can have caused is recorded as unattributed.
/// </summary>
public sealed class TimingAnalysis(
    ClusterObserver observer,
    WorkloadDriver workload,
    FaultDriver faults,
    ReactionQueries bounds,
    TimingDriver timing,
    AppEventLog appLog,
    PodRoster roster,
    ScenarioLog log)
{
    // How long after a fault ends a reaction can still be its doing: the result of the last attempt started while it lasted,
    // handled by the kubelet (the probe's own timeout is added per probe).
    private static readonly TimeSpan AfterEndSlack = TimeSpan.FromSeconds(1);

    /// <summary>Adds the timings of every fault to the record.</summary>
    public async Task RecordAsync(CancellationToken cancellationToken)
    {
        var state = observer.State;
        var occurrences = EventHistory.Occurrences(state);
        var evidence = new Dictionary<string, AppEvidence>(StringComparer.Ordinal);
        foreach (var fault in faults.Injected)
        {
            if (fault.Container is not null)
            {
                // Reactions are timed for the target app's own container; a named container's are asserted by its steps only,
                // and the scenario's log says so rather than suggest they were timed.
                log.Write($"timing: the fault into container \"{fault.Container}\" of {roster.Label(fault.Pod)} ({fault.Request.Description}) is not timed; its steps asserted it");
                continue;
            }

            if (!evidence.TryGetValue(fault.Pod, out var app))
            {
                evidence[fault.Pod] = app = await ReadEvidenceAsync(fault.Pod, cancellationToken);
            }

            if (fault.Request.Heals)
            {
                RecordRecovery(state, fault, app);
                continue;
            }

            var applied = app.FaultApplied(fault);
            var (active, activeNote) = AppEvidence.Sharpen(fault.Active, applied, "fault's start");
            var sharpened = fault with { Active = active ?? fault.Active };
            if (fault.Request.Target == FaultTarget.Process)
            {
                RecordCrash(state, sharpened, app);
                continue;
            }

            var kinds = FaultReach.ProbesReading(workload.Container, fault.Request).Where(k => k != ProbeKind.Startup || !StartedAt(state, fault)).ToList();
            foreach (var kind in kinds)
            {
                RecordProbe(state, occurrences, sharpened, faults.EndOf(fault), kind, kinds.Count > 1, app, activeNote);
            }

            if (kinds.Contains(ProbeKind.Readiness) && fault.Request.ActiveForSeconds is not null && faults.EndOf(fault) is { } end)
            {
                // A window that closed by itself: Ready returns as after a healing call, from the instant the app closed it.
                var (closed, note) = AppEvidence.Sharpen(end, app.FaultEnded(fault), "fault's end");
                RecordReadyAgain(state, fault.Pod, closed ?? end, fault, app, note);
            }
        }

        foreach (var pod in roster.Names.Where(HasFromStartRecords))
        {
            if (!evidence.TryGetValue(pod, out var app))
            {
                evidence[pod] = app = await ReadEvidenceAsync(pod, cancellationToken);
            }

            RecordFromStart(state, occurrences, pod, app);
        }
    }

    // A startup probe runs until its first success and never again in that container: a fault that comes later cannot reach
    // it (a startup failure after the kill belongs to the next container's start, not to the fault).
    private bool StartedAt(ClusterState state, InjectedFault fault) =>
        state.Changes.LastOrDefault(c => c.ObservedAt <= fault.Active.Earliest && c.Object is V1Pod p && p.Metadata?.Name == fault.Pod)?.Object is V1Pod pod
        && pod.ContainerStatus(workload.ContainerName) is { Started: true } status
        && status.ContainerID == fault.ContainerId;

    private async Task<AppEvidence> ReadEvidenceAsync(string pod, CancellationToken cancellationToken)
    {
        try
        {
            var lines = await appLog.ReadAsync(pod, workload.ProbeLogContainerOf(null), cancellationToken);
            foreach (var problem in lines.Problems.Take(3))
            {
                log.Write($"the app's log of {pod}: {problem}");
            }

            return new AppEvidence(lines);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Timings then rest on the cluster's timestamps alone, with their whole-second precision.
            log.Write($"the app's log of {pod} could not be read ({e.Message}); its timings use the cluster's timestamps only");
            return AppEvidence.None;
        }
    }

    private void RecordProbe(ClusterState state, IReadOnlyList<EventOccurrence> occurrences, InjectedFault fault, MeasuredInstant? until, ProbeKind kind, bool several, AppEvidence app, string? activeNote)
    {
        var pod = fault.Pod;
        var probe = workload.RequireProbe(kind);
        var effective = ProbeDescription.Effective(probe);
        var cutoff = until is null ? DateTimeOffset.MaxValue : until.Latest + TimeSpan.FromSeconds(effective.TimeoutSeconds) + AfterEndSlack;
        var prefix = $"{kind} probe failed";
        var from = fault.Active.Earliest;
        var notes = new List<string?> { activeNote };

        MeasuredInstant? Sharp(MeasuredInstant? coarse, MeasuredInstant? precise, string what)
        {
            var (instant, note) = AppEvidence.Sharpen(coarse, precise, what);
            notes.Add(note);
            return instant;
        }

        var firstFailure = Sharp(
            occurrences.FirstOrDefault(o => o.PodName == pod && o.Reason == "Unhealthy" && o.Message.StartsWith(prefix, StringComparison.Ordinal) && After(o, fault))?.Instant,
            app.FailedAnswer(probe, from),
            "first failure");
        var kills = kind != ProbeKind.Readiness;
        var killEvent = kills ? occurrences.FirstOrDefault(o => o.PodName == pod && o.Reason == "Killing" && After(o, fault))?.Instant : null;
        var kill = killEvent is null ? null : Sharp(killEvent, app.Kill(from), "kill");
        var runs = ContainerHistory.Of(state, pod, workload.ContainerName);
        var killed = kill is null ? null : runs.FirstOrDefault(r => r.ContainerId.Length > 0 && r.ContainerId == fault.ContainerId) ?? runs.LastOrDefault(r => r.Started.Earliest <= kill.Latest);
        var exit = killed?.Finished is { } finished ? Sharp(finished, app.Exit(kill!.Earliest), "exit") : null;
        var restartRun = killed is null ? null : runs.SkipWhile(r => r != killed).Skip(1).FirstOrDefault();
        var restart = restartRun is null ? null : Sharp(restartRun.Started, app.Started(exit?.Earliest ?? kill!.Earliest), "restart");
        var notReady = kind == ProbeKind.Readiness ? NotReadyAt(state, pod, fault, app.FailedAnswer(probe, from, effective.FailureThreshold)) : null;

        var chain = CausalOrder.Order([firstFailure, kill, exit, restart]);
        if (chain is null)
        {
            notes.Add("the sources disagree on the order (an effect before its cause); the times are shown as each source gave them");
        }

        var (ff, k, e, r) = chain is null ? (firstFailure, kill, exit, restart) : (chain[0], chain[1], chain[2], chain[3]);
        var note = string.Join("; ", notes.OfType<string>().Distinct()) is { Length: > 0 } text ? text : null;
        Add(fault, kind, ReactionMeasure.FirstFailure, TimingReference.Fault, fault.Active, ff, cutoff, note, several ? kind.ToString().ToLowerInvariant() : null);
        Add(fault, kind, ReactionMeasure.Kill, TimingReference.Fault, fault.Active, k, cutoff, note);
        if (k is not null && k.Earliest <= cutoff)
        {
            // The exit and the restart follow an attributed kill, however long the grace period makes them take.
            Add(fault, kind, ReactionMeasure.Exit, TimingReference.Kill, k, e, DateTimeOffset.MaxValue, note);
            Add(fault, kind, ReactionMeasure.Restart, TimingReference.Fault, fault.Active, r, DateTimeOffset.MaxValue, note);
        }

        Add(fault, kind, ReactionMeasure.NotReady, TimingReference.Fault, fault.Active, notReady, cutoff, note);
    }

    // Ready again after a healing call: from the instant the app applied it.
    private void RecordRecovery(ClusterState state, InjectedFault heal, AppEvidence app)
    {
        if (heal.Request.Target != FaultTarget.All && !FaultReach.ProbesReading(workload.Container, heal.Request).Contains(ProbeKind.Readiness))
        {
            return;
        }

        var (end, note) = AppEvidence.Sharpen(heal.Active, app.FaultApplied(heal), "recovery");
        var ended = faults.Injected.LastOrDefault(f => f.Pod == heal.Pod && !f.Request.Heals && f.Active.Latest <= heal.Active.Earliest);
        RecordReadyAgain(state, heal.Pod, end ?? heal.Active, ended, app, note);
    }

    // Ready again after a fault ended: the server's transition (capped by the watch), no earlier than the successThreshold-th
    // successful readiness answer after the fault's end.
    private void RecordReadyAgain(ClusterState state, string pod, MeasuredInstant end, InjectedFault? ended, AppEvidence app, string? note)
    {
        if (workload.Probe(ProbeKind.Readiness) is not { } probe || ReadyTransition(state, pod, end, ready: true) is not { } server)
        {
            return;
        }

        var threshold = app.SuccessfulAnswer(probe, end.Earliest, ProbeDescription.Effective(probe).SuccessThreshold);
        var ready = threshold is not null && server.NotBefore(threshold) is { } sharpened ? sharpened : server;
        ReactionWindow? window;
        try
        {
            window = bounds.ReadyAgain(ended);
        }
        catch (ScenarioInputException)
        {
            window = null;
        }

        timing.Remeasure(new TimedReaction(pod, ReactionMeasure.ReadyAgain, TimingReference.Recovery), window, end, ready, note);
    }

    private bool HasFromStartRecords(string pod) =>
        FromStartFailures(pod).Any(f => timing.HasStepRecord(f.Timed)) || timing.HasStepRecord(new TimedReaction(pod, ReactionMeasure.Ready, TimingReference.Start));

    private static IEnumerable<(ProbeKind Kind, TimedReaction Timed)> FromStartFailures(string pod) =>
        new[] { ProbeKind.Liveness, ProbeKind.Readiness, ProbeKind.Startup }
            .Select(kind => (kind, new TimedReaction(pod, ReactionMeasure.FirstFailure, TimingReference.Start, kind.ToString().ToLowerInvariant())));

    // The timings a step measured from the container's start (the first failed probe, Ready), measured again with the app's
    // own instants: its process start for the reference, its answers for the reaction.
    private void RecordFromStart(ClusterState state, IReadOnlyList<EventOccurrence> occurrences, string pod, AppEvidence app)
    {
        var runs = ContainerHistory.Of(state, pod, workload.ContainerName);
        if (runs.FirstOrDefault() is not { } first)
        {
            return;
        }

        foreach (var (kind, timed) in FromStartFailures(pod))
        {
            if (workload.Probe(kind) is not { } probe || !timing.HasStepRecord(timed))
            {
                continue;
            }

            var prefix = $"{kind} probe failed";
            var coarse = occurrences.FirstOrDefault(o => o.PodName == pod && o.Reason == "Unhealthy" && o.Message.StartsWith(prefix, StringComparison.Ordinal))?.Instant;
            var (started, startNote) = AppEvidence.Sharpen(first.Started, app.Started(first.Started.Earliest), "container's start");
            var (failure, failureNote) = AppEvidence.Sharpen(coarse, app.FailedAnswer(probe, first.Started.Earliest), "first failure");
            if (failure is not null)
            {
                timing.Remeasure(timed, null, started ?? first.Started, failure, Notes(startNote, failureNote));
            }
        }

        var ready = new TimedReaction(pod, ReactionMeasure.Ready, TimingReference.Start);
        if (workload.Probe(ProbeKind.Readiness) is { } readiness && timing.HasStepRecord(ready)
            && runs.Select(r => (Run: r, Server: ReadyTransition(state, pod, r.Started, ready: true))).LastOrDefault(r => r.Server is not null) is ({ } run, { } server))
        {
            var (started, note) = AppEvidence.Sharpen(run.Started, app.Started(run.Started.Earliest), "container's start");
            var threshold = app.SuccessfulAnswer(readiness, run.Started.Earliest, ProbeDescription.Effective(readiness).SuccessThreshold);
            var at = threshold is not null && server.NotBefore(threshold) is { } sharpened ? sharpened : server;
            timing.Remeasure(ready, null, started ?? run.Started, at, note);
        }
    }

    private static string? Notes(params string?[] notes) =>
        string.Join("; ", notes.OfType<string>().Distinct()) is { Length: > 0 } text ? text : null;

    // A crash is no probe's doing: its restart and Ready flip are recorded without a window.
    private void RecordCrash(ClusterState state, InjectedFault fault, AppEvidence app)
    {
        var runs = ContainerHistory.Of(state, fault.Pod, workload.ContainerName);
        var crashed = runs.FirstOrDefault(r => r.ContainerId.Length > 0 && r.ContainerId == fault.ContainerId);
        var next = crashed is null ? null : runs.SkipWhile(r => r != crashed).Skip(1).FirstOrDefault();
        var (restart, note) = AppEvidence.Sharpen(next?.Started.NotBefore(fault.Active), app.Started(fault.Active.Earliest), "restart");
        if (restart is not null)
        {
            timing.Remeasure(new TimedReaction(fault.Pod, ReactionMeasure.Restart, TimingReference.Fault), null, fault.Active, restart, note);
        }

        if (NotReadyAt(state, fault.Pod, fault, null) is { } notReady)
        {
            timing.Remeasure(new TimedReaction(fault.Pod, ReactionMeasure.NotReady, TimingReference.Fault), null, fault.Active, notReady, null);
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
            // A leak takes effect when the app's memory sample crosses the probe's limit, which no model predicts.
            window = fault.Request.Target == FaultTarget.Memory ? null : bounds.Window(kind, fault, measure);
        }
        catch (ScenarioInputException)
        {
            // The model predicts no reaction to this fault, or none of this kind; what happened is recorded unbounded.
            window = null;
        }

        timing.Remeasure(timed, window, from, at, note);
    }

    // Seen after the fault, or in the same second (a whole-second timestamp).
    private static bool After(EventOccurrence occurrence, InjectedFault fault) =>
        occurrence.SeenAt >= fault.Active.Earliest && occurrence.Instant.Latest >= fault.Active.Earliest;

    // The first flip to Ready=False after the fault: the server's whole-second transition time, capped by when the watch
    // delivered it, and no earlier than the failed answer that reached the threshold (when the app's log has it).
    private static MeasuredInstant? NotReadyAt(ClusterState state, string pod, InjectedFault fault, MeasuredInstant? threshold)
    {
        var server = ReadyTransition(state, pod, fault.Active, ready: false);
        return server is not null && threshold is not null && server.NotBefore(threshold) is { } sharpened ? sharpened : server;
    }

    // The first flip of Ready to the given value the watch delivered after the given instant: the server's
    // whole-second transition time, capped by when the watch saw it, never before that instant.
    private static MeasuredInstant? ReadyTransition(ClusterState state, string pod, MeasuredInstant after, bool ready)
    {
        var status = ready ? "True" : "False";
        return state.Changes
            .Where(c => c.ObservedAt >= after.Earliest && c.Object is V1Pod p && p.Metadata?.Name == pod)
            .Select(c => (Condition: ((V1Pod)c.Object).Condition("Ready"), c.ObservedAt))
            .Where(c => c.Condition?.Status == status && ClusterTime.ToInstant(c.Condition.LastTransitionTime) is { } t && ClusterTime.Measured(t).Latest >= after.Earliest)
            .Select(c => ClusterTime.Measured(ClusterTime.ToInstant(c.Condition!.LastTransitionTime)!.Value, c.ObservedAt).NotBefore(after))
            .FirstOrDefault(i => i is not null);
    }
}
