using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Timeline;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Tests.Writers;

public sealed class HtmlReportWriterTests
{
    [Fact]
    public void The_page_is_self_contained_no_resource_comes_from_outside()
    {
        // Given
        var report = Reports.Mixed();

        // When
        var html = HtmlReportWriter.Write(report, TimelinePlot.ToSvg);

        // Then
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        var sources = Regex.Matches(html, "src=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.All(sources, s => Assert.StartsWith("data:image/svg+xml;base64,", s, StringComparison.Ordinal));
        var links = Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.All(links, l => Assert.DoesNotMatch("^[a-z]+:", l));
    }

    [Fact]
    public void Every_scenario_has_a_section_with_its_timeline_picture()
    {
        // Given
        var report = Reports.Mixed();

        // When
        var html = HtmlReportWriter.Write(report, TimelinePlot.ToSvg);

        // Then
        var sources = Regex.Matches(html, "src=\"data:image/svg\\+xml;base64,([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(report.Scenarios.Count, sources.Count);
        Assert.All(sources, s => Assert.Equal("svg", XDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(s))).Root!.Name.LocalName));
        for (var i = 1; i <= report.Scenarios.Count; i++)
        {
            Assert.Contains($"id=\"scenario-{i}\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"#scenario-{i}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Emulated_pages_carry_the_banner_and_the_label_on_every_row_and_section()
    {
        // Given
        var report = Reports.Emulated();

        // When
        var html = HtmlReportWriter.Write(report, TimelinePlot.ToSvg);

        // Then
        Assert.Contains("<div class=\"banner emulated\">[emulated] EMULATED", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(html, "<tr class=\"verdict-[^\"]*\"><td>\\[emulated\\]</td>").Count);
        Assert.Equal(2, Regex.Matches(html, "<h3><span class=\"label\">\\[emulated\\]</span>").Count);
    }

    [Fact]
    public void The_timing_chart_comes_first_as_inline_svg_before_the_scenario_table()
    {
        // Given
        var report = Reports.Mixed();

        // When
        var html = HtmlReportWriter.Write(report, TimelinePlot.ToSvg);

        // Then
        var chart = html.IndexOf("<section id=\"timing-bands\">", StringComparison.Ordinal);
        Assert.InRange(chart, 0, html.IndexOf("<h2 id=\"scenarios\">Scenarios</h2>", StringComparison.Ordinal));
        Assert.True(html.IndexOf("<svg ", StringComparison.Ordinal) > chart);
        var svg = Regex.Match(html, "<svg .*?</svg>", RegexOptions.Singleline).Value;
        Assert.Equal(3, XDocument.Parse(svg).Root!.Elements("{http://www.w3.org/2000/svg}a").Count());
    }

    [Fact]
    public void The_scenario_table_folds_formulas_and_timing_lists_and_shows_each_time_with_its_precision()
    {
        // Given a kill measured ± 0.4 s, and a late endpoint change whose sources disagreed
        var report = Reports.From(SampleRecords.Passed(), SampleRecords.FailedLateWithDiagnostics());

        // When
        var html = HtmlReportWriter.Write(report, TimelinePlot.ToSvg);

        // Then
        // (entities decoded: the writer spells ± as &#177;)
        var table = WebUtility.HtmlDecode(Regex.Match(html, "<table class=\"scenarios\">.*?</table>", RegexOptions.Singleline).Value);
        Assert.Contains("<td>pod 1 fault→kill: [20.0 s, 31.0 s] + 1.0 s<details><summary>formula</summary>[20, 31] s</details></td>", table, StringComparison.Ordinal);
        Assert.Contains("<td>22.4 s ± 0.4<details><summary>2 timings</summary><ul><li>pod 1 fault→kill: 22.4 s ± 0.4 in", table, StringComparison.Ordinal);
        Assert.Contains("24.9 s ± 0.5<br><small>the watch saw it 0.3 s after the EndpointSlice's timestamp</small>", table, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"wide\"", html, StringComparison.Ordinal);
        var timings = Regex.Matches(html, "<table class=\"timings\">.*?</table>", RegexOptions.Singleline).Select(m => WebUtility.HtmlDecode(m.Value)).ToList();
        Assert.Contains(timings, t => t.Contains("<td>22.4 s ± 0.4</td>", StringComparison.Ordinal) && t.Contains("<details><summary>formula</summary>", StringComparison.Ordinal));
        Assert.Contains(timings, t => t.Contains("24.9 s ± 0.5<br><small>the watch saw it", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_from_records_is_html_encoded()
    {
        // Given
        var report = Reports.From(SampleRecords.Passed() with { Scenario = "<script>alert(1)</script>" });

        // When
        var html = HtmlReportWriter.Write(report, _ => "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");

        // Then
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }
}
