using System.Globalization;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Writers;

/// <summary>The text of each column of the scenario table, shared by the Markdown and HTML outputs so both say the same.</summary>
public static class RowText
{
    /// <summary>The column titles, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["Backend", "Scenario", "Probe", "Fault", "Expected", "Window (bound)", "Measured", "Action", "Recovery", "Verdict", "Trend (measured/bound)", "Wall"];

    /// <summary>The cells of <paramref name="row"/>, each a list of lines, in <see cref="Columns"/> order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cells(ScenarioRow row) =>
    [
        [row.Label],
        [$"{row.Feature}: {row.Scenario}"],
        row.Probes.Select(p => $"{p.Kind} {p.Handler} {p.Target} ({p.PeriodSeconds}s×{p.FailureThreshold}, timeout {p.TimeoutSeconds}s, delay {p.InitialDelaySeconds}s)").ToList(),
        row.Faults.Select(Format.Fault).ToList(),
        row.Expectations.Select(e => e.Text).ToList(),
        JudgedTiming(row) is { } d ? [$"{d.Name}: {Format.WindowWithFormula(d)}"] : [],
        JudgedTiming(row) is { } m ? [Format.Measured(m)] : [],
        row.Action is { } a ? [$"{a.Name}: {Format.Measured(a)}"] : [],
        row.Recovery is { } r ? [$"{r.Name}: {Format.Measured(r)}"] : [],
        Verdict(row),
        Trend(row),
        [Format.Seconds(row.DurationSeconds)],
    ];

    /// <summary>The verdict, and the previous one when it changed, e.g. <c>late (changed: was within-bound)</c>.</summary>
    public static IReadOnlyList<string> Verdict(ScenarioRow row) => row.VerdictChanged
        ? [row.Verdict.ToDisplay(), $"CHANGED: was {row.Trend!.PreviousVerdict}"]
        : [row.Verdict.ToDisplay()];

    /// <summary>One line per timing trend, e.g. <c>fault→kill p50 0.82 p95 0.97 (n=7)</c>.</summary>
    public static IReadOnlyList<string> Trend(ScenarioRow row) => row.Trend is { } trend
        ? trend.Timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} p50 {Format.Ratio(t.P50)} p95 {Format.Ratio(t.P95)} (n={t.Samples})")).ToList()
        : [];

    /// <summary>A summary of the counts, e.g. <c>12 scenarios: 10 held, 1 not held, 1 environment error, 0 skipped</c>.</summary>
    public static string Counts(ReportCounts counts) =>
        $"{counts.Total} scenarios: {counts.Held} held, {counts.NotHeld} not held, {counts.EnvironmentErrors} environment error(s), {counts.Skipped} skipped"
        + (counts.AuthoringErrors > 0 ? $", {counts.AuthoringErrors} authoring error(s)" : string.Empty)
        + (counts.NotRun > 0 ? $", {counts.NotRun} not run" : string.Empty);

    /// <summary>The verdicts that occurred, e.g. <c>within bound 9, late 1</c>.</summary>
    public static string VerdictBreakdown(ReportCounts counts) =>
        string.Join(", ", counts.ByVerdict.Where(v => v.Value > 0).Select(v => $"{v.Key.Replace('-', ' ')} {v.Value}"));

    /// <summary>The column of the scenario's title.</summary>
    public const int ScenarioColumn = 1;

    /// <summary>The column of the judged timing's window (with its formula).</summary>
    public const int WindowColumn = 5;

    /// <summary>The column of the judged timing's measurement.</summary>
    public const int MeasuredColumn = 6;

    /// <summary>The timing the window and measured columns show: the first one judged against a bound, whatever its role.</summary>
    public static TimingRecord? JudgedTiming(ScenarioRow row) => row.Timings.FirstOrDefault(t => t.IsBounded) ?? row.Detection;
}
