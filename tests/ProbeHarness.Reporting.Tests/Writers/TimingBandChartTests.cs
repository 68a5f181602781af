using System.Globalization;
using System.Xml.Linq;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Tests.Writers;

public sealed class TimingBandChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_chart_has_a_row_per_judged_timing_each_linked_to_its_scenario()
    {
        // Given a within-bound kill, a late endpoint change and a missed kill, beside an unbounded Ready and scenarios without timings
        var report = Reports.Mixed();

        // When
        var svg = Chart(report.Scenarios);

        // Then
        var rows = svg.Root!.Elements(Svg + "a").ToList();
        Assert.Equal(3, rows.Count);
        var expected = TimingBand.Of(report.Scenarios).Select(b => $"#scenario-{b.ScenarioIndex + 1}");
        Assert.Equal(expected, rows.Select(a => (string)a.Attribute("href")!));
        Assert.Contains("A failing /healthz restarts the container · pod 1 fault→kill", rows.Select(Label));
        Assert.Contains(rows, a => a.Element(Svg + "title")!.Value.Contains("= [20, 31] s", StringComparison.Ordinal));
    }

    [Fact]
    public void A_measurement_within_bound_is_a_green_dot_on_its_band_with_its_precision_as_an_error_bar()
    {
        // Given a kill at 22.4 s ± 0.4 in [20, 31] + 1 s
        var report = Reports.From(SampleRecords.Passed());

        // When
        var row = Assert.Single(Chart(report.Scenarios).Root!.Elements(Svg + "a"));

        // Then the window is a bar, the jitter a lighter one right after it, the dot on the window, the bar ± 0.4 s wide
        var rects = row.Elements(Svg + "rect").ToList();
        var (band, jitter) = (rects[0], rects[1]);
        Assert.Equal(Number(band, "x") + Number(band, "width"), Number(jitter, "x"), 0.11);
        var secondsPerPixel = 11 / Number(band, "width");
        Assert.Equal(1, Number(jitter, "width") * secondsPerPixel, 0.05);
        var dot = row.Element(Svg + "circle")!;
        Assert.Equal("#2e9d4b", (string)dot.Attribute("fill")!);
        Assert.Equal(22.4, 20 + ((Number(dot, "cx") - Number(band, "x")) * secondsPerPixel), 1);
        var error = row.Elements(Svg + "path").Single();
        var ends = ((string)error.Attribute("d")!).Split(' ')[0..2];
        var width = double.Parse(ends[1][1..], CultureInfo.InvariantCulture) - double.Parse(ends[0][1..].Split(',')[0], CultureInfo.InvariantCulture);
        Assert.Equal(0.8, width * secondsPerPixel, 1);
        Assert.Contains("22.4 s ± 0.4 · [20.0 s, 31.0 s] + 1.0 s", row.Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Late_missed_and_off_the_axis_measurements_are_drawn_apart_from_the_rest()
    {
        // Given a late endpoint change, a kill that never came, and a kill at 60 s against a latest of 32 s
        var report = Reports.From(SampleRecords.FailedLateWithDiagnostics(), SampleRecords.Missed(), SampleRecords.Passed(killAt: 60));

        // When
        var rows = Chart(report.Scenarios).Root!.Elements(Svg + "a").ToDictionary(a => a.Element(Svg + "title")!.Value.Split(" · ")[0]);

        // Then
        var late = rows.Single(r => r.Key.Contains("removes the endpoint", StringComparison.Ordinal)).Value;
        Assert.Equal("#d7263d", (string)late.Element(Svg + "circle")!.Attribute("fill")!);
        Assert.Contains("late: 24.9 s ± 0.5 · [10.0 s, 17.0 s] + 2.0 s", late.Elements(Svg + "text").Select(t => t.Value));
        var missed = rows.Single(r => r.Key.Contains("never-starting", StringComparison.Ordinal)).Value;
        Assert.Null(missed.Element(Svg + "circle"));
        Assert.Contains("missed · [40.0 s, 51.0 s]", missed.Elements(Svg + "text").Select(t => t.Value));
        Assert.Equal("#7a0d1e", (string)missed.Element(Svg + "path")!.Attribute("stroke")!);
        var offAxis = rows.Single(r => r.Key.Contains("/healthz", StringComparison.Ordinal)).Value;
        Assert.Null(offAxis.Element(Svg + "circle"));
        Assert.EndsWith(" z", (string)offAxis.Elements(Svg + "path").Last().Attribute("d")!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_section_says_how_rows_are_scaled_and_sorted_and_what_it_leaves_out()
    {
        // Given
        var report = Reports.Mixed();

        // When
        var html = TimingBandChart.Html(report.Scenarios);

        // Then
        Assert.StartsWith("<section id=\"timing-bands\"><h2>Timings against their bands</h2>", html, StringComparison.Ordinal);
        Assert.Contains("sorted by headroom", html, StringComparison.Ordinal);
        Assert.Contains("x = measured ÷ (max + jitter), 0 to 1.5", html, StringComparison.Ordinal);
        Assert.Contains("1 unbounded and 0 unattributed timing(s) are not judged and not drawn", html, StringComparison.Ordinal);
        Assert.Contains(">1 = latest</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_judged_timing_the_section_says_so()
    {
        // Given
        var report = Reports.From(SampleRecords.HeldWithoutTiming());

        // When
        var html = TimingBandChart.Html(report.Scenarios);

        // Then
        Assert.Contains("No timing was judged against a bound.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
    }

    private static XDocument Chart(IReadOnlyList<ProbeHarness.Reporting.Model.ScenarioRow> rows) =>
        XDocument.Parse(TimingBandChart.Svg(TimingBand.Of(rows), withBackend: false));

    private static string Label(XElement row) => row.Elements(Svg + "text").First().Value;

    private static double Number(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
}
