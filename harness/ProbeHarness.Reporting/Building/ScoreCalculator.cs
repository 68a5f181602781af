using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Building;

/// <summary>Computes the conformance and timing scores of a set of rows.</summary>
public static class ScoreCalculator
{
    /// <summary>Both scores, each with the sentence that explains it.</summary>
    public static ReportScores For(IReadOnlyList<ScenarioRow> rows)
    {
        var judged = rows.Where(r => r.Verdict.IsJudged()).ToList();
        var bounded = judged.SelectMany(r => r.Timings).Where(t => t.IsBounded).ToList();
        return new ReportScores(
            new Score(
                "conformance",
                judged.Count(r => r.Verdict.Holds()),
                judged.Count,
                "Share of judged scenarios whose expectations all held (verdict within bound or held); " +
                "skipped scenarios and environment errors judge nothing and are left out."),
            new Score(
                "timing",
                bounded.Count(t => t.Verdict == TimingVerdict.WithinBound),
                bounded.Count,
                "Share of measured reactions (kill, restart, readiness, endpoint changes) that fell inside the window the probe " +
                "settings allow; a missed, late or early reaction counts against it, unbounded timings are left out."));
    }
}
