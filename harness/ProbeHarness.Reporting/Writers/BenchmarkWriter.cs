using System.Globalization;
using System.Text;
using System.Text.Json;
using ProbeHarness.Reporting.Benchmark;
using ProbeHarness.Reporting.Building;

namespace ProbeHarness.Reporting.Writers;

/// <summary>Writes a benchmark as benchmark.json (the typed model), benchmark.md (the suite block, the targets, the scenario table) and as a dated section for docs/benchmarks.md.</summary>
public static class BenchmarkWriter
{
    /// <summary>The benchmark as JSON text, with report.json's options (camelCase, indented).</summary>
    public static string Json(BenchmarkReport benchmark) => JsonSerializer.Serialize(benchmark, JsonReportWriter.Options);

    /// <summary>benchmark.md: the summary line, the suite block, the targets, and one row per scenario by duration, longest first.</summary>
    public static string Markdown(BenchmarkReport benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        var suite = benchmark.Suite;
        var md = new StringBuilder();
        md.AppendLine($"# {BenchmarkText.Label(suite)}Suite benchmark: {MarkdownReportWriter.Cell(suite.Backend)}");
        md.AppendLine();
        md.AppendLine(MarkdownReportWriter.Cell(suite.Summary));
        md.AppendLine();
        Suite(md, benchmark);
        Targets(md, suite);
        Scenarios(md, benchmark.Scenarios);
        Definitions(md);
        return md.ToString();
    }

    /// <summary>A dated section to append to docs/benchmarks.md: date and commit, then per run the machine (host, cores, load), the summary line and the targets.</summary>
    public static string Section(IReadOnlyList<BenchmarkReport> benchmarks, string? commit)
    {
        ArgumentNullException.ThrowIfNull(benchmarks);
        var date = benchmarks.Select(b => b.Suite.StartedAt).OfType<DateTimeOffset>().DefaultIfEmpty(DateTimeOffset.UtcNow).Min();
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"### {date.UtcDateTime:yyyy-MM-dd} · commit {commit ?? "unknown"}");
        md.AppendLine();
        foreach (var benchmark in benchmarks)
        {
            var suite = benchmark.Suite;
            md.AppendLine($"**{BenchmarkText.Label(suite)}{MarkdownReportWriter.Cell(suite.Backend)}**, machine: {MarkdownReportWriter.Cell(BenchmarkText.Machine(suite))}");
            md.AppendLine();
            md.AppendLine($"{MarkdownReportWriter.Cell(suite.Summary)}.");
            md.AppendLine();
            foreach (var target in suite.Targets)
            {
                md.AppendLine($"- {BenchmarkText.Target(target)}");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private static void Suite(StringBuilder md, BenchmarkReport benchmark)
    {
        var suite = benchmark.Suite;
        md.AppendLine("## Suite").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        Row(md, "Backend", suite.Backend + (suite.Emulated ? " (EMULATED: no real kubelet)" : string.Empty));
        Row(md, "Machine", BenchmarkText.Machine(suite));
        Row(md, "Concurrency cap", suite.ConcurrencyCap?.ToString(CultureInfo.InvariantCulture) ?? "unknown (no run/suite.json)");
        if (benchmark.Commit is { } commit)
        {
            Row(md, "Commit", commit);
        }

        Row(md, "Scenarios", $"{suite.Scenarios}: {suite.Measured} measured, {suite.NotMeasured} not measured, {suite.Skipped} skipped");
        Row(md, "Wall (first scenario start → last end)", Format.Seconds(suite.WallSeconds));
        Row(md, "Run span (run/suite.json)", suite.Run is { } run
            ? $"{Format.Seconds(run.Seconds)} (backend start {Format.Seconds(run.BackendStartSeconds)}, backend stop {Format.Seconds(run.BackendStopSeconds)})"
            : "no run/suite.json");
        Row(md, "Longest scenario (critical path)", suite.Longest is { } longest ? $"{longest.Scenario}: {Format.Seconds(longest.Seconds)}" : "none ran");
        Row(md, "Sum of durations", Format.Seconds(suite.SumSeconds));
        Row(md, "Achieved concurrency (sum / wall)", suite.Concurrency is { } at ? at.ToString("0.0", CultureInfo.InvariantCulture) + " at once" : "unknown (wall 0)");
        Row(md, "Harness overhead", BenchmarkText.Spread(suite.Overhead));
        Row(md, "Setup", BenchmarkText.Spread(suite.Setup));
        Row(md, "Teardown", BenchmarkText.Spread(suite.Teardown));
        Row(md, "Load average (1 min)", suite.Load is { } load
            ? string.Create(CultureInfo.InvariantCulture, $"min {load.Min:0.0}, mean {load.Mean:0.0}, max {load.Max:0.0} ({load.Samples} samples)")
            : BenchmarkText.NotSampled);
        md.AppendLine();
    }

    private static void Targets(StringBuilder md, SuiteBenchmark suite)
    {
        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("| Target | Rule | Measured | Limit | Result |").AppendLine("|---|---|---|---|---|");
        foreach (var target in suite.Targets)
        {
            var result = target.Met is false ? $"**{BenchmarkText.Met(target)}**" : BenchmarkText.Met(target);
            // The targets' text is the harness's own (a rule's "<" is no tag), so it is written as it is.
            md.AppendLine($"| {target.Name} | {target.Rule} | {BenchmarkText.Measured(target)} | {Format.Seconds(target.LimitSeconds)} | {result} |");
        }

        md.AppendLine();
        md.AppendLine("Recorded, never asserted: a target not met does not fail the run.");
        md.AppendLine();
    }

    private static void Scenarios(StringBuilder md, IReadOnlyList<ScenarioBenchmark> scenarios)
    {
        md.AppendLine("## Scenarios (by duration, longest first)").AppendLine();
        if (scenarios.Count == 0)
        {
            md.AppendLine("No scenario left a record.").AppendLine();
            return;
        }

        md.AppendLine("| Scenario | Feature | Outcome | Duration | Setup | Floor | Reaction | Overhead | Teardown |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var s in scenarios)
        {
            var phases = s.Measured
                ? Cells(BenchmarkText.Seconds(s.SetupSeconds), BenchmarkText.Seconds(s.FloorSeconds), BenchmarkText.Seconds(s.ReactionSeconds), BenchmarkText.Seconds(s.OverheadSeconds), BenchmarkText.Seconds(s.TeardownSeconds))
                : Cells(Enumerable.Repeat(BenchmarkText.NotMeasured, 5).ToArray());
            md.AppendLine($"| {Cells(s.Scenario, s.Feature, s.Outcome, Format.Seconds(s.DurationSeconds))} | {phases} |");
        }

        md.AppendLine();
    }

    private static void Definitions(StringBuilder md)
    {
        md.AppendLine("Setup: deploy until Ready. Floor: the earliest the last expectation could have been met after the setup " +
                      "(window waits' start + window, bounded timings' reference + earliest bound). Reaction: wait beyond the floor " +
                      "(the cluster's). Overhead: steps − max(wait, floor) (the harness's). Teardown: last step until the record was " +
                      "written. Skipped scenarios are left out of every sum; \"not measured\" means the record has no phases. " +
                      "See docs/benchmarks.md.");
    }

    private static void Row(StringBuilder md, string name, string value) => md.AppendLine($"| {Cells(name, value)} |");

    private static string Cells(params string[] cells) => string.Join(" | ", cells.Select(MarkdownReportWriter.Cell));
}
