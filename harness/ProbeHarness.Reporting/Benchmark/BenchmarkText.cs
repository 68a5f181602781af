using System.Globalization;
using ProbeHarness.Reporting.Building;

namespace ProbeHarness.Reporting.Benchmark;

/// <summary>How benchmark figures are written, so the report header, benchmark.md, the verb's summary and the dated section say the same.</summary>
public static class BenchmarkText
{
    /// <summary>What a figure the record does not have is shown as (never 0).</summary>
    public const string NotMeasured = "not measured";

    /// <summary>What the load is shown as when no sample was taken.</summary>
    public const string NotSampled = "not sampled";

    /// <summary>The one-line summary, e.g. <c>Suite: 92 s wall, longest scenario 49 s, sum 838 s, 9.1 at once (cap 16), load 10.3 (8.1–12.4), harness overhead p95 0.4 s</c>.</summary>
    public static string Summary(SuiteBenchmark suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var parts = new List<string> { Whole($"Suite: {suite.WallSeconds:0} s wall") };
        if (suite.Longest is { } longest)
        {
            parts.Add(Whole($"longest scenario {longest.Seconds:0} s"));
        }

        parts.Add(Whole($"sum {suite.SumSeconds:0} s"));
        var cap = suite.ConcurrencyCap is { } c ? Whole($" (cap {c})") : string.Empty;
        parts.Add(suite.Concurrency is { } at ? Whole($"{at:0.0} at once{cap}") : $"concurrency unknown{cap}");
        parts.Add($"load {Load(suite.Load)}");
        parts.Add(suite.Overhead is { } overhead ? Whole($"harness overhead p95 {overhead.P95:0.0} s") : $"harness overhead {NotMeasured}");
        return string.Join(", ", parts);
    }

    /// <summary>The load as mean (min–max), e.g. <c>10.3 (8.1–12.4)</c>, or <c>not sampled</c>.</summary>
    public static string Load(LoadSummary? load) =>
        load is null ? NotSampled : Whole($"{load.Mean:0.0} ({load.Min:0.0}–{load.Max:0.0})");

    /// <summary>e.g. <c>31.2 s</c>, or <c>not measured</c>.</summary>
    public static string Seconds(double? value) => value is null ? NotMeasured : Format.Seconds(value);

    /// <summary>A spread, e.g. <c>median 0.2 s, p95 0.4 s, max 1.2 s</c>, or <c>not measured</c>.</summary>
    public static string Spread(BenchmarkSpread? spread) => spread is null
        ? NotMeasured
        : $"median {Format.Seconds(spread.Median)}, p95 {Format.Seconds(spread.P95)}, max {Format.Seconds(spread.Max)}";

    /// <summary>The machine, e.g. <c>runner-1, 16 cores, load 10.3 (8.1–12.4)</c>.</summary>
    public static string Machine(SuiteBenchmark suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var cores = suite.ProcessorCount is { } count ? Whole($"{count} cores") : "cores unknown";
        return $"{suite.Host ?? "host unknown"}, {cores}, load {Load(suite.Load)}";
    }

    /// <summary>Whether a target is met: <c>met</c>, <c>NOT MET</c>, or <c>not measured</c>.</summary>
    public static string Met(BenchmarkTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Met switch
        {
            true => "met",
            false => "NOT MET",
            null => NotMeasured,
        };
    }

    /// <summary>A target in one line, e.g. <c>suite wall: wall ≤ 1.5 × longest scenario + 20 s: 92.0 s (longest 49.0 s), limit 93.5 s: met</c>.</summary>
    public static string Target(BenchmarkTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return $"{target.Name}: {target.Rule}: {Measured(target)}, limit {Format.Seconds(target.LimitSeconds)}: {Met(target)}";
    }

    /// <summary>A target's measured value with its detail, e.g. <c>0.4 s (max 1.2 s)</c>, or <c>not measured</c>.</summary>
    public static string Measured(BenchmarkTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.MeasuredSeconds is null
            ? NotMeasured
            : $"{Format.Seconds(target.MeasuredSeconds)}{(target.Detail is { } detail ? $" ({detail})" : string.Empty)}";
    }

    /// <summary>The label every output of an emulated run starts with: <c>[emulated] </c>, else nothing.</summary>
    public static string Label(SuiteBenchmark suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return suite.Emulated ? "[emulated] " : string.Empty;
    }

    private static string Whole(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
