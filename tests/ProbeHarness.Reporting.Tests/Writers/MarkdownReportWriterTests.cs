using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Tests.Writers;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public void The_table_has_a_row_per_scenario_with_window_measured_and_verdict()
    {
        // Given
        var report = Reports.Mixed();

        // When
        var markdown = MarkdownReportWriter.Write(report);

        // Then
        var lines = markdown.Split('\n');
        var headerIndex = Array.FindIndex(lines, l => l.StartsWith("| Backend | Scenario |", StringComparison.Ordinal));
        Assert.True(headerIndex > 0);
        var rows = lines.Skip(headerIndex + 2).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.Equal(report.Scenarios.Count, rows.Count);
        var columns = RowText.Columns.Count;
        Assert.All(rows, r => Assert.Equal(columns + 2, SplitCells(r).Length));
        var passed = rows.Single(r => r.Contains("A failing /healthz restarts the container", StringComparison.Ordinal));
        Assert.Contains("pod 1 fault→kill", passed, StringComparison.Ordinal);
        Assert.Contains("[20.0 s, 31.0 s] + 1.0 s = [20, 31] s", passed, StringComparison.Ordinal);
        Assert.Contains("22.4 s ± 0.4", passed, StringComparison.Ordinal);
        Assert.Contains("✅ **within bound**", passed, StringComparison.Ordinal);
        Assert.Contains("❌ **late**", markdown, StringComparison.Ordinal);
        Assert.Contains("**Conformance score: 50.0 % (2/4)**", markdown, StringComparison.Ordinal);
        Assert.Contains("**Timing score: 33.3 % (1/3)**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void An_own_app_scenario_shows_its_manifest_probes_start_latencies_and_exit_after_SIGTERM()
    {
        // Given a report with a target-app scenario and an own-app scenario
        var report = Reports.From(SampleRecords.Passed(), SampleRecords.OwnApp());

        // When
        var markdown = MarkdownReportWriter.Write(report);
        var html = HtmlReportWriter.Write(report, _ => "<svg/>");

        // Then both name the app's measurements, and only for the own-app scenario
        var section = markdown[markdown.IndexOf("## Your app through the probe fault proxy", StringComparison.Ordinal)..];
        Assert.Contains("- workload examples/own-app/deploy/own-app.yaml, probed through the probe fault proxy", section, StringComparison.Ordinal);
        Assert.Contains("- manifest's liveness httpGet /health/live:http", section, StringComparison.Ordinal);
        Assert.Contains("- pod 1 liveness: 12 probe(s) forwarded; first success 1.93 s (±0.5 s) after the container started; app answered in p50 4.3 ms, p95 9.8 ms, p99 12.1 ms", section, StringComparison.Ordinal);
        Assert.Contains("- pod 1 exited with code 0 (Completed) 0.6 s (±0.5 s) after SIGTERM", section, StringComparison.Ordinal);
        Assert.DoesNotContain("A failing /healthz restarts the container", section, StringComparison.Ordinal);
        Assert.Contains("Your app", html, StringComparison.Ordinal);
        Assert.Contains("first success 1.93 s", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_scenarios_get_folds_with_logs_events_and_dumps()
    {
        // Given
        var report = Reports.Mixed();

        // When
        var markdown = MarkdownReportWriter.Write(report);

        // Then
        Assert.Contains("## Failed scenarios and environment errors", markdown, StringComparison.Ordinal);
        Assert.Contains("⚠️ **environment error**", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", markdown, StringComparison.Ordinal);
        Assert.Contains("<summary>Log web-0/web (previous) (last 40 lines)</summary>", markdown, StringComparison.Ordinal);
        Assert.Contains("<summary>EndpointSlices</summary>", markdown, StringComparison.Ordinal);
        Assert.Contains("- timing pod 1 fault→endpoint-not-ready: 24.9 s ± 0.5 in [10.0 s, 17.0 s] + 2.0 s = [10, 17] s (late); the watch saw it", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("### [k3s] A failing /healthz", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Emulated_reports_carry_a_banner_and_the_label_on_every_row()
    {
        // Given
        var report = Reports.Emulated();

        // When
        var markdown = MarkdownReportWriter.Write(report);

        // Then
        Assert.StartsWith("# [emulated] Probe resilience report", markdown, StringComparison.Ordinal);
        Assert.Contains("> **EMULATED", markdown, StringComparison.Ordinal);
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| [", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("| [emulated] |", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Pipes_and_newlines_in_cells_do_not_break_the_table()
    {
        // Given
        var report = Reports.From(SampleRecords.Passed() with { Scenario = "a | b\nc" });

        // When
        var markdown = MarkdownReportWriter.Write(report);

        // Then
        var row = markdown.Split('\n').Single(l => l.StartsWith("| [k3s]", StringComparison.Ordinal));
        Assert.Contains("a \\| b<br>c", row, StringComparison.Ordinal);
        Assert.Equal(RowText.Columns.Count + 2, SplitCells(row).Length);
    }

    [Fact]
    public void A_changed_verdict_is_flagged_in_the_row()
    {
        // Given
        var report = Reports.From(SampleRecords.Passed(killAt: 33)) is var late
            ? new ProbeHarness.Reporting.Building.ReportBuilder().Build(new ProbeHarness.Reporting.Building.ReportInputs
            {
                Records = Reports.Set(SampleRecords.Passed(killAt: 22)),
                PreviousHistory = late.History,
            })
            : throw new InvalidOperationException();

        // When
        var markdown = MarkdownReportWriter.Write(report);

        // Then
        Assert.Equal(ScenarioVerdict.WithinBound, report.Scenarios[0].Verdict);
        Assert.Contains("within bound<br>CHANGED: was late", markdown, StringComparison.Ordinal);
        Assert.Contains("pod 1 fault→kill p50 ", markdown, StringComparison.Ordinal);
    }

    // Cells split on pipes not escaped by a backslash; the leading and trailing pipes add an empty piece each.
    private static string[] SplitCells(string row) => System.Text.RegularExpressions.Regex.Split(row.Trim(), @"(?<!\\)\|");
}
