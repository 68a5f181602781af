using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Benchmark;

/// <summary>
/// The one place that computes the benchmark: per scenario setup, floor, wait, reaction, overhead and teardown from its
/// <see cref="ScenarioPhases"/>, and the suite's wall, critical path, concurrency, spreads, load and targets.
/// </summary>
public static class BenchmarkCalculator
{
    /// <summary>The benchmark of a run: the suite figures and every scenario's, longest first.</summary>
    public static BenchmarkReport Of(IReadOnlyList<ScenarioRecord> records, SuiteRun? run)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new BenchmarkReport
        {
            Suite = ForSuite(records, run),
            Scenarios = records.Select(ForScenario)
                .OrderByDescending(s => s.DurationSeconds)
                .ThenBy(s => s.Scenario, StringComparer.Ordinal)
                .ToList(),
        };
    }

    /// <summary>One scenario's figures; all phase figures null ("not measured") when the record has no phases.</summary>
    public static ScenarioBenchmark ForScenario(ScenarioRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var benchmark = new ScenarioBenchmark
        {
            ScenarioId = record.ScenarioId ?? ReportBuilder.KeyOf(record.FeatureFile, record.Scenario),
            Scenario = record.Scenario,
            Feature = record.Feature,
            Outcome = record.Outcome,
            Skipped = IsSkipped(record),
            Measured = record.Phases is not null,
            DurationSeconds = record.DurationSeconds,
        };
        if (record.Phases is not { } phases)
        {
            return benchmark;
        }

        var steps = Math.Max(0, phases.StepsSeconds);
        var floor = FloorSeconds(record, phases);
        var wait = WaitSeconds(phases);
        return benchmark with
        {
            SetupSeconds = phases.SetupSeconds,
            StepsSeconds = steps,
            WaitSeconds = wait,
            FloorSeconds = floor,
            ReactionSeconds = Math.Max(0, wait - floor),
            OverheadSeconds = Math.Max(0, steps - Math.Max(wait, floor)),
            TeardownSeconds = phases.TeardownSeconds,
        };
    }

    /// <summary>
    /// The floor: the max over every window wait's <c>StartSeconds + WindowSeconds</c> and every bounded timing's
    /// <c>(OccurredAt − StartedAt) − MeasuredSeconds + BoundMinSeconds</c> (its reference instant plus the earliest the
    /// kubelet may react), minus the setup, clamped to [0, steps]; 0 when there is no such source.
    /// </summary>
    public static double FloorSeconds(ScenarioRecord record, ScenarioPhases phases)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(phases);
        var windows = (phases.Waits ?? [])
            .Where(w => w.WindowSeconds is not null)
            .Select(w => w.StartSeconds + w.WindowSeconds!.Value);
        var bounds = (record.Timings ?? [])
            .Where(t => t is { IsBounded: true, OccurredAt: not null, MeasuredSeconds: not null, BoundMinSeconds: not null })
            .Select(t => (t.OccurredAt!.Value - record.StartedAt).TotalSeconds - t.MeasuredSeconds!.Value + t.BoundMinSeconds!.Value);
        var sources = windows.Concat(bounds).ToList();
        if (sources.Count == 0)
        {
            return 0;
        }

        return Math.Clamp(sources.Max() - phases.SetupSeconds, 0, Math.Max(0, phases.StepsSeconds));
    }

    /// <summary>The wait: the total length of the union of the waits, each clipped to the steps phase [setup, setup + steps].</summary>
    public static double WaitSeconds(ScenarioPhases phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var from = phases.SetupSeconds;
        var to = phases.SetupSeconds + Math.Max(0, phases.StepsSeconds);
        var clipped = (phases.Waits ?? [])
            .Select(w => (Start: Math.Max(w.StartSeconds, from), End: Math.Min(w.EndSeconds, to)))
            .Where(w => w.End > w.Start)
            .OrderBy(w => w.Start);
        var total = 0.0;
        double? start = null, end = null;
        foreach (var wait in clipped)
        {
            if (end is { } e && wait.Start <= e)
            {
                end = Math.Max(e, wait.End);
                continue;
            }

            total += (end - start) ?? 0;
            (start, end) = (wait.Start, wait.End);
        }

        return total + ((end - start) ?? 0);
    }

    /// <summary>The suite's figures: skipped scenarios are counted but left out of wall, sums and statistics; scenarios without phases are left out of the phase statistics.</summary>
    public static SuiteBenchmark ForSuite(IReadOnlyList<ScenarioRecord> records, SuiteRun? run)
    {
        ArgumentNullException.ThrowIfNull(records);
        var ran = records.Where(r => !IsSkipped(r)).ToList();
        var measured = ran.Where(r => r.Phases is not null).Select(ForScenario).ToList();
        var wall = ran.Count == 0
            ? 0
            : Math.Max(0, (ran.Max(r => r.StartedAt.AddSeconds(r.DurationSeconds)) - ran.Min(r => r.StartedAt)).TotalSeconds);
        var longest = ran.MaxBy(r => r.DurationSeconds) is { } l ? new LongestScenario(l.Scenario, l.Feature, l.DurationSeconds) : null;
        var sum = ran.Sum(r => r.DurationSeconds);
        var backend = run?.Backend ?? BackendOf(records);
        var emulated = records.Any(r => r.Emulated);
        var overhead = BenchmarkSpread.Of(measured.Select(s => s.OverheadSeconds!.Value).ToList());
        var load = run?.Load ?? [];
        return new SuiteBenchmark
        {
            Backend = backend,
            Emulated = emulated,
            Host = run?.Host ?? records.Select(r => r.Host).OfType<string>().FirstOrDefault(),
            ProcessorCount = run?.ProcessorCount,
            ConcurrencyCap = run?.ConcurrencyCap,
            StartedAt = run?.StartedAt ?? (ran.Count == 0 ? null : ran.Min(r => r.StartedAt)),
            Scenarios = records.Count,
            Measured = measured.Count,
            NotMeasured = ran.Count - measured.Count,
            Skipped = records.Count - ran.Count,
            WallSeconds = wall,
            Run = run is null
                ? null
                : new BenchmarkRunSpan(run.StartedAt, run.EndedAt, Math.Max(0, (run.EndedAt - run.StartedAt).TotalSeconds), run.BackendStartSeconds, run.BackendStopSeconds),
            Longest = longest,
            SumSeconds = sum,
            Concurrency = wall > 0 ? sum / wall : null,
            Overhead = overhead,
            Setup = BenchmarkSpread.Of(measured.Select(s => s.SetupSeconds!.Value).ToList()),
            Teardown = BenchmarkSpread.Of(measured.Select(s => s.TeardownSeconds!.Value).ToList()),
            Load = load.Count == 0 ? null : new LoadSummary(load.Count, load.Min(s => s.OneMinute), load.Average(s => s.OneMinute), load.Max(s => s.OneMinute)),
            Targets = BenchmarkTargets.For(emulated, wall, longest, overhead),
        };
    }

    /// <summary>True when the report's verdict rules call the record skipped.</summary>
    public static bool IsSkipped(ScenarioRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return VerdictRules.Decide(record).Verdict == ScenarioVerdict.Skipped;
    }

    private static string BackendOf(IReadOnlyList<ScenarioRecord> records) =>
        records.Select(r => r.Backend).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } backends
            ? string.Join(", ", backends)
            : "unknown";
}
