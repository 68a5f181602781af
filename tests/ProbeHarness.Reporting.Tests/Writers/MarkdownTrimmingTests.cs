using System.Text;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Tests.Writers;

public sealed class MarkdownTrimmingTests
{
    [Fact]
    public void A_report_over_githubs_1_mib_summary_limit_is_trimmed_with_a_note_pointing_at_index_html()
    {
        // Given
        // (every failed row of the sample carries a 300 KB message, so the details come to more than 1 MiB)
        var sample = Reports.Mixed();
        var failed = sample.Scenarios.Count(row => !row.Verdict.Holds() && row.Verdict != ScenarioVerdict.Skipped);
        var big = new string('x', 300 * 1024);
        var report = sample with
        {
            Scenarios = [.. sample.Scenarios, .. Enumerable.Range(0, 4).SelectMany(_ => sample.Scenarios.Select(row => row with { Message = big }))],
        };

        // When
        var markdown = MarkdownReportWriter.Write(report);

        // Then
        Assert.True(Encoding.UTF8.GetByteCount(markdown) <= MarkdownReportWriter.GitHubSummaryLimitBytes, $"{Encoding.UTF8.GetByteCount(markdown)} bytes");
        Assert.Contains("> **This summary is trimmed** to fit GitHub's job-summary limit (1 MiB): ", markdown, StringComparison.Ordinal);
        Assert.Contains($"failure details are left out. The full report is `index.html` in the report folder", markdown, StringComparison.Ordinal);
        Assert.Contains("## Files", markdown, StringComparison.Ordinal);
        var lines = markdown.Split('\n');
        var headerIndex = Array.FindIndex(lines, l => l.StartsWith("| Backend | Scenario |", StringComparison.Ordinal));
        Assert.Equal(report.Scenarios.Count, lines.Skip(headerIndex + 2).TakeWhile(l => l.StartsWith('|')).Count());
        Assert.True(failed > 0);
        Assert.Equal(Count(markdown, "<details>"), Count(markdown, "</details>"));
        Assert.Contains("### ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_head_alone_over_the_limit_is_cut_at_a_line_and_says_so()
    {
        // Given
        var report = Reports.Mixed();
        var full = MarkdownReportWriter.Write(report);
        var tableStart = Encoding.UTF8.GetByteCount(full[..full.IndexOf("## Scenarios", StringComparison.Ordinal)]);

        // When
        var markdown = MarkdownReportWriter.Write(report, maxBytes: tableStart + 1200);

        // Then
        Assert.True(Encoding.UTF8.GetByteCount(markdown) <= tableStart + 1200);
        Assert.Contains("the scenario table is cut short and every failure's details are left out", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## Failed scenarios", markdown, StringComparison.Ordinal);
        Assert.EndsWith("are in the report folder.\n", markdown.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_within_the_limit_is_written_whole()
    {
        // Given
        var report = Reports.Mixed();

        // When
        var markdown = MarkdownReportWriter.Write(report);

        // Then
        Assert.DoesNotContain("This summary is trimmed", markdown, StringComparison.Ordinal);
        Assert.Contains("## Failed scenarios and environment errors", markdown, StringComparison.Ordinal);
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;
}
