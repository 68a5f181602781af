using k8s.Models;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>
/// At the end of a scenario, measures for every injected fault what the kubelet did next (first failed probe, kill, restart,
/// Ready=False, endpoint not ready) from server timestamps, with the probe spec's bound where one applies.
/// </summary>
public sealed class TimingAnalysis(
    ClusterObserver observer,
    PodRoster roster,
    WorkloadDriver workload,
    FaultDriver faults,
    DetectionBounds bounds,
    ScenarioRecorder recorder)
{
    /// <summary>Adds the timings of every fault to the record (steps that measured the same thing keep their own).</summary>
    public void Record()
    {
        var state = observer.State;
        var injected = faults.Injected;
        var occurrences = EventHistory.Occurrences(state);
        foreach (var fault in injected.Where(f => !f.Request.Heals && !f.Request.Description.StartsWith("memory leak", StringComparison.Ordinal)))
        {
            var pod = fault.Pod;
            var until = injected.FirstOrDefault(f => f.ActiveAt > fault.ActiveAt && f.Pod == pod)?.ActiveAt ?? DateTimeOffset.MaxValue;
            var label = roster.Label(pod);
            var prefix = fault.Request.Probe is { } probe ? $"{probe} probe failed" : "probe failed";
            Add(label, "fault→first-failure", fault, () => FirstFailureBound(fault),
                occurrences.FirstOrDefault(o => o.PodName == pod && o.Reason == "Unhealthy" && o.Message.Contains(prefix, StringComparison.Ordinal) && o.SeenAt >= fault.ActiveAt && o.At < until)?.At);
            Add(label, "fault→kill", fault, () => Probe(fault) == ProbeKind.Liveness ? bounds.Detection(ProbeKind.Liveness, fault, "fault→kill") : null,
                occurrences.FirstOrDefault(o => o.PodName == pod && o.Reason == "Killing" && o.SeenAt >= fault.ActiveAt && o.At < until)?.At);
            Add(label, "fault→restart", fault, () => Probe(fault) == ProbeKind.Liveness ? bounds.Restart(ProbeKind.Liveness, fault, "fault→restart") : null,
                ContainerHistory.Of(state, pod, workload.ContainerName).FirstOrDefault(r => r.StartedAt > fault.ActiveAt && r.StartedAt < until)?.StartedAt);
            Add(label, "fault→not-ready", fault, () => Probe(fault) == ProbeKind.Readiness ? bounds.Detection(ProbeKind.Readiness, fault, "fault→not-ready") : null,
                NotReadyAt(state, pod, fault.ActiveAt, until));
        }
    }

    // A dependency outage is seen through the readiness probe (and the liveness probe when it checks the dependency).
    private ProbeKind? Probe(InjectedFault fault) =>
        fault.Request.Probe
        ?? (fault.Request.Path == "/faults/dependency" && workload.Probe(ProbeKind.Readiness) is not null ? ProbeKind.Readiness : null);

    private TimeBound? FirstFailureBound(InjectedFault fault)
    {
        // A flapping endpoint fails only every n-th probe; a slow one may not fail at all.
        if (Probe(fault) is not { } kind || workload.Probe(kind) is null || fault.Request.Body?["mode"]?.GetValue<string>() is "flap" or "slow")
        {
            return null;
        }

        var p = ProbeDescription.Effective(workload.Probe(kind)!);
        var tolerance = DetectionBounds.Tolerance.TotalSeconds;
        return new TimeBound("fault→first-failure", 0, p.PeriodSeconds + p.TimeoutSeconds + tolerance, $"[0, p + T] with p={p.PeriodSeconds}, T={p.TimeoutSeconds}, + tolerance {tolerance}");
    }

    private void Add(string pod, string name, InjectedFault fault, Func<TimeBound?> boundOf, DateTimeOffset? at)
    {
        // What did not happen is judged by the scenario's own steps (a flapping probe must not kill, for one).
        if (at is null)
        {
            return;
        }

        TimeBound? bound;
        try
        {
            bound = boundOf();
        }
        catch (ScenarioInputException)
        {
            // The model predicts no reaction to this fault (a flap below the threshold, say); what happened is recorded unbounded.
            bound = null;
        }

        var measured = Math.Round((at.Value - fault.ActiveAt).TotalSeconds, 3);
        recorder.AddTiming(bound is null
            ? new TimingRecord($"{pod} {name}", measured, null, null, null, "unbounded")
            : new TimingRecord($"{pod} {name}", measured, bound.MinSeconds, bound.MaxSeconds, bound.Formula, bound.Verdict(measured)));
    }

    // The first flip to Ready=False the watch delivered after the fault, at the server's transition time.
    private static DateTimeOffset? NotReadyAt(ClusterState state, string pod, DateTimeOffset after, DateTimeOffset until) =>
        state.Changes
            .Where(c => c.ObservedAt >= after && c.Object is V1Pod p && p.Metadata?.Name == pod)
            .Select(c => ((V1Pod)c.Object).Condition("Ready"))
            .Where(c => c?.Status == "False" && ClusterTime.ToInstant(c.LastTransitionTime) is { } t && t >= after - ClusterTime.Resolution && t < until)
            .Select(c => ClusterTime.ToInstant(c!.LastTransitionTime))
            .FirstOrDefault();
}
