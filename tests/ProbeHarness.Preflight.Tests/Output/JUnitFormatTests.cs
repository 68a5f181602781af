using System.Xml.Linq;
using ProbeHarness.Preflight.Findings;
using ProbeHarness.Preflight.Output;
using ProbeHarness.Preflight.Tests.Samples;

namespace ProbeHarness.Preflight.Tests.Output;

public sealed class JUnitFormatTests
{
    [Fact]
    public void A_suite_per_file_a_case_per_container_and_failures_only_at_or_above_fail_on()
    {
        // Given
        var result = PreflightRunner.Run(["samples"], Manifests.TestData());

        // When
        var xml = XDocument.Parse(JUnitFormat.Write(result, Severity.Error));

        // Then
        var root = xml.Root!;
        Assert.Equal(["samples/helm-rendered.yaml", "samples/workloads.yml"], root.Elements("testsuite").Select(s => (string?)s.Attribute("name")));
        Assert.Equal(5, (int)root.Attribute("tests")!);
        Assert.Equal(1, (int)root.Attribute("failures")!);
        var failed = root.Descendants("testcase").Single(c => c.Element("failure") is not null);
        Assert.Equal("CronJob/shop-cleanup container cleanup", (string?)failed.Attribute("name"));
        Assert.Contains("samples/helm-rendered.yaml:67 error PH007", failed.Element("failure")!.Value, StringComparison.Ordinal);
        Assert.Contains("PH003", root.Descendants("testcase").First().Element("system-out")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_an_error_case_of_its_file()
    {
        // Given
        var result = PreflightRunner.Run(["bad/old-api.yaml"], Manifests.TestData());

        // When
        var xml = XDocument.Parse(JUnitFormat.Write(result, Severity.Warning));

        // Then
        var error = Assert.Single(xml.Descendants("error"));
        Assert.StartsWith("bad/old-api.yaml: line 2: unknown kind", (string?)error.Attribute("message"), StringComparison.Ordinal);
        Assert.Equal(1, (int)xml.Root!.Attribute("errors")!);
    }
}
