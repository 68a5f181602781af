using ProbeHarness.Kubelet.KubeletLog;
using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Report.Commands;

/// <summary>The harness instants a run's scenario records hold, for the timing check.</summary>
public static class HarnessInstants
{
    /// <summary>
    /// Every timing of a first failure, kill or Ready change that carries its pod (name and namespace) and the instant of the
    /// measured event (<see cref="TimingRecord.OccurredAt"/>); timings without them have nothing to compare.
    /// </summary>
    public static IReadOnlyList<HarnessInstant> From(IEnumerable<ScenarioRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var instants = new List<HarnessInstant>();
        foreach (var record in records)
        {
            foreach (var timing in record.Timings)
            {
                if (timing is not { PodName: { Length: > 0 } pod, Namespace: { Length: > 0 } ns, OccurredAt: { } at } || Line(timing.Measure) is not { } line)
                {
                    continue;
                }

                instants.Add(new HarnessInstant(record.Scenario, ns, pod, line.Kind, at)
                {
                    Ready = line.Ready,
                    PrecisionSeconds = timing.OccurredPrecisionSeconds,
                    Measure = timing.Name,
                });
            }
        }

        return instants;
    }

    // The kubelet line each measure corresponds to; the others (exit, restart, endpoints, back-off) have none the check reads.
    private static (KubeletEventKind Kind, bool? Ready)? Line(ReactionMeasure measure) => measure switch
    {
        ReactionMeasure.FirstFailure => (KubeletEventKind.ProbeFailed, null),
        ReactionMeasure.Kill => (KubeletEventKind.Killing, null),
        ReactionMeasure.NotReady => (KubeletEventKind.ReadyChanged, false),
        ReactionMeasure.ReadyAgain or ReactionMeasure.Ready => (KubeletEventKind.ReadyChanged, true),
        _ => null,
    };
}
