using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Building;

/// <summary>Computes a scenario's trend from the run history (runs on the same backend only).</summary>
public static class TrendCalculator
{
    /// <summary>The trend of <paramref name="row"/> over <paramref name="history"/>, whose last entry is the current run.</summary>
    public static ScenarioTrend For(ScenarioRow row, IReadOnlyList<RunHistoryEntry> history)
    {
        var current = history[^1];
        var sameBackend = history.Where(run => run.Backend == current.Backend).ToList();
        var appearances = sameBackend
            .Select(run => run.Scenarios.FirstOrDefault(s => s.Key == row.Key))
            .OfType<HistoryScenario>()
            .ToList();
        var previous = sameBackend
            .Take(sameBackend.Count - 1)
            .Select(run => run.Scenarios.FirstOrDefault(s => s.Key == row.Key))
            .LastOrDefault();

        var timings = appearances
            .SelectMany(s => s.Ratios.Keys)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                var ratios = appearances.Where(s => s.Ratios.ContainsKey(name)).Select(s => s.Ratios[name]).ToList();
                return new TimingTrend(name, ratios.Count, Percentile.Of(ratios, 50), Percentile.Of(ratios, 95));
            })
            .ToList();
        return new ScenarioTrend(appearances.Count, previous?.Verdict, timings);
    }
}
