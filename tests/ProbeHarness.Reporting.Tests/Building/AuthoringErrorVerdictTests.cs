using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Tests.Building;

/// <summary>An authoring error is its own verdict: shown with file:line and message, never counted in conformance, never green.</summary>
public sealed class AuthoringErrorVerdictTests
{
    [Fact]
    public void An_authoring_error_is_its_own_verdict_with_its_location_and_message()
    {
        // Given / When
        var report = Reports.From(SampleRecords.Passed(), SampleRecords.AuthoringError());

        // Then
        var row = report.Scenarios.Single(r => r.Verdict == ScenarioVerdict.AuthoringError);
        Assert.Equal("features/liveness/http-liveness.feature:12", row.Location);
        Assert.StartsWith("features/liveness/http-liveness.feature:12: row 1 of the table", row.VerdictReason, StringComparison.Ordinal);
        Assert.Equal(1, report.Header.Counts.AuthoringErrors);
        Assert.Equal(1, report.Header.Counts.ByVerdict["authoring-error"]);
    }

    [Fact]
    public void An_authoring_error_is_left_out_of_conformance_but_the_run_is_not_green()
    {
        // Given / When
        var report = Reports.From(SampleRecords.Passed(), SampleRecords.AuthoringError());

        // Then
        Assert.Equal((1, 1), (report.Scores.Conformance.Numerator, report.Scores.Conformance.Denominator));
        Assert.Equal(0, report.Header.Counts.NotHeld);
        Assert.False(report.Header.Counts.AllHeld);
    }

    [Fact]
    public void Every_writer_shows_it_as_an_authoring_error_with_its_location()
    {
        // Given
        var report = Reports.From(SampleRecords.AuthoringError());

        // When
        var markdown = MarkdownReportWriter.Write(report);
        var html = HtmlReportWriter.Write(report, _ => "<svg/>");
        var junit = JUnitWriter.Write(report).ToString();

        // Then
        Assert.Contains("authoring error", markdown, StringComparison.Ordinal);
        Assert.Contains("`features/liveness/http-liveness.feature:12`", markdown, StringComparison.Ordinal);
        Assert.Contains("verdict-authoring-error", html, StringComparison.Ordinal);
        Assert.Contains("<code>features/liveness/http-liveness.feature:12</code>", html, StringComparison.Ordinal);
        Assert.Contains("type=\"authoring-error\"", junit, StringComparison.Ordinal);
        Assert.Contains("errors=\"1\"", junit, StringComparison.Ordinal);
    }
}
