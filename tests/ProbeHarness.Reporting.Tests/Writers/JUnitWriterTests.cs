using System.Xml.Linq;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Tests.Writers;

public sealed class JUnitWriterTests
{
    [Fact]
    public void One_testsuite_per_feature_and_one_testcase_per_scenario()
    {
        // Given
        var report = Reports.Mixed();

        // When
        var xml = Reparse(JUnitWriter.Write(report));

        // Then
        var root = xml.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("6", "2", "1", "1"), ((string)root.Attribute("tests")!, (string)root.Attribute("failures")!, (string)root.Attribute("errors")!, (string)root.Attribute("skipped")!));
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal(report.Scenarios.Select(r => r.Feature).Distinct().Order(), suites.Select(s => (string)s.Attribute("name")!).Order());
        foreach (var suite in suites)
        {
            var cases = suite.Elements("testcase").ToList();
            Assert.Equal((int)suite.Attribute("tests")!, cases.Count);
            Assert.All(cases, c => Assert.Equal((string)suite.Attribute("name")!, (string)c.Attribute("classname")!));
        }
    }

    [Fact]
    public void Timings_are_properties_and_failures_carry_the_diagnostics()
    {
        // Given
        var report = Reports.Mixed();

        // When
        var xml = Reparse(JUnitWriter.Write(report));

        // Then
        var late = xml.Descendants("testcase").Single(c => (string)c.Attribute("name")! == "A failing /ready removes the endpoint");
        var properties = late.Element("properties")!.Elements("property").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);
        Assert.Equal("24.900", properties["timing.pod 1 fault→endpoint-not-ready.measuredSeconds"]);
        Assert.Equal("17.000", properties["timing.pod 1 fault→endpoint-not-ready.boundMaxSeconds"]);
        Assert.Equal("late", properties["timing.pod 1 fault→endpoint-not-ready.verdict"]);
        Assert.Equal("0.500", properties["timing.pod 1 fault→endpoint-not-ready.precisionSeconds"]);
        Assert.Equal("2.000", properties["timing.pod 1 fault→endpoint-not-ready.jitterSeconds"]);
        Assert.StartsWith("the watch saw it", properties["timing.pod 1 fault→endpoint-not-ready.sourceNote"], StringComparison.Ordinal);
        var failure = late.Element("failure")!;
        Assert.Equal("late", (string)failure.Attribute("type")!);
        Assert.Contains("--- log web-0/web (previous)", failure.Value, StringComparison.Ordinal);
        Assert.Contains("--- endpointslices", failure.Value, StringComparison.Ordinal);
        Assert.Contains("info: 503 now \uFFFD", failure.Value, StringComparison.Ordinal);

        var missed = xml.Descendants("testcase").Single(c => (string)c.Attribute("name")! == "A never-starting app is killed");
        Assert.Equal("never", missed.Element("properties")!.Elements("property").Single(p => (string)p.Attribute("name")! == "timing.pod 1 fault→kill.measuredSeconds").Attribute("value")!.Value);
        Assert.NotNull(xml.Descendants("testcase").Single(c => c.Element("error") is not null));
        Assert.NotNull(xml.Descendants("testcase").Single(c => c.Element("skipped") is not null));
    }

    [Fact]
    public void Emulated_runs_say_so_in_the_suite_properties_and_every_testcase_name()
    {
        // Given
        var report = Reports.Emulated();

        // When
        var xml = Reparse(JUnitWriter.Write(report));

        // Then
        Assert.StartsWith("[emulated]", (string)xml.Root!.Attribute("name")!, StringComparison.Ordinal);
        Assert.All(xml.Descendants("testcase"), c => Assert.StartsWith("[emulated] ", (string)c.Attribute("name")!, StringComparison.Ordinal));
        Assert.All(xml.Descendants("testsuite"), s => Assert.Contains(s.Element("properties")!.Elements(), p => (string)p.Attribute("name")! == "emulated" && (string)p.Attribute("value")! == "true"));
    }

    // Saving and parsing again proves the document is well-formed XML (control characters from logs included).
    private static XDocument Reparse(XDocument document)
    {
        using var text = new StringWriter();
        document.Save(text);
        return XDocument.Parse(text.ToString());
    }
}
