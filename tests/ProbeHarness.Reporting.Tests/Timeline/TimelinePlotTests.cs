using System.Xml.Linq;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Timeline;

namespace ProbeHarness.Reporting.Tests.Timeline;

public sealed class TimelinePlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Each_scenario_gets_an_svg_with_its_lanes_labelled()
    {
        // Given
        var report = Reports.Mixed();

        // When
        var pictures = report.Scenarios.Select(row => (row, svg: XDocument.Parse(TimelinePlot.ToSvg(row)))).ToList();

        // Then
        Assert.All(pictures, p => Assert.Equal(Svg + "svg", p.svg.Root!.Name));
        var (_, liveness) = pictures.Single(p => p.row.Scenario == "A failing /healthz restarts the container");
        var texts = Texts(liveness);
        Assert.Contains("fault", texts);
        Assert.Contains("liveness", texts);
        Assert.Contains("restartCount=1", texts);
        Assert.Contains(texts, t => t.Contains("seconds from the first fault", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("[k3s] A failing /healthz", StringComparison.Ordinal));
    }

    [Fact]
    public void The_picture_grows_with_its_lanes_and_says_when_nothing_was_recorded()
    {
        // Given
        var report = Reports.Mixed();
        var full = report.Scenarios.Single(r => r.Scenario == "A failing /healthz restarts the container");
        var empty = report.Scenarios.Single(r => r.Scenario == "Skipped on this backend");

        // When
        var (fullSvg, emptySvg) = (XDocument.Parse(TimelinePlot.ToSvg(full)), XDocument.Parse(TimelinePlot.ToSvg(empty)));

        // Then
        Assert.True((int)fullSvg.Root!.Attribute("height")! > (int)emptySvg.Root!.Attribute("height")!);
        Assert.Contains("no timeline was recorded", Texts(emptySvg));
    }

    [Fact]
    public void Emulated_pictures_say_so_in_their_title()
    {
        // Given
        var row = Reports.Emulated().Scenarios[0];

        // When
        var svg = XDocument.Parse(TimelinePlot.ToSvg(row));

        // Then
        Assert.Contains(Texts(svg), t => t.StartsWith("[emulated] ", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_text_is_set_in_the_shipped_font_so_a_machine_without_fonts_still_shows_it()
    {
        // Given
        var row = Reports.Mixed().Scenarios.Single(r => r.Scenario == "A failing /healthz restarts the container");

        // When
        var svg = XDocument.Parse(TimelinePlot.ToSvg(row));

        // Then
        var families = svg.Descendants(Svg + "text").Select(t => (string?)t.Attribute("font-family")).Distinct().ToList();
        Assert.NotEmpty(families);
        Assert.All(families, family => Assert.Equal("DejaVu Sans", family));
    }

    [Fact]
    public void Unattributed_timings_are_drawn_labelled_as_such()
    {
        // Given a Ready change no fault can have caused, beside a kill, an exit and a restart
        var row = Reports.From(SampleRecords.RestartWithExit()).Scenarios[0];

        // When
        var texts = Texts(XDocument.Parse(TimelinePlot.ToSvg(row)));

        // Then
        Assert.Contains("unattributed pod 1 fault→not-ready", texts);
        Assert.Contains("unattributed 40.0 s ± 0.5", texts);
        Assert.Contains("window pod 1 kill→exit", texts);
        Assert.Contains("seconds from the first fault", texts);
    }

    // ScottPlot indents the text inside each <text> element.
    private static List<string> Texts(XDocument svg) => svg.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
}
