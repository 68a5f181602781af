using ProbeHarness.Preflight.Output;

namespace ProbeHarness.Preflight.Tests.Output;

public sealed class PreflightSectionTests
{
    [Fact]
    public void The_deployed_manifest_gets_a_report_section_with_each_finding_at_its_file_and_line()
    {
        // Given the manifest every scenario deploys

        // When
        var section = PreflightSection.ForTargetApp(results: "unused");

        // Then: the three probes' detection notes (PH010) at their lines, escaped HTML, no bad input
        Assert.NotNull(section);
        Assert.Equal("preflight", section.Id);
        Assert.Contains("3 finding(s)", section.Html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(section.Html, "<td>PH010</td>"));
        Assert.Contains("target-app.yaml:48</td>", section.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("bad input</td>", section.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_named_in_the_section_instead_of_failing_the_report()
    {
        // Given
        var folder = Directory.CreateTempSubdirectory("preflight-section-").FullName;
        var file = Path.Combine(folder, "broken.yaml");
        File.WriteAllText(file, "apiVersion: apps/v1\nkind: Deployment\nmetadata: [oops\n");

        try
        {
            // When
            var section = PreflightSection.For(file);

            // Then
            Assert.Contains("bad input</td>", section.Html, StringComparison.Ordinal);
            Assert.Contains("broken.yaml", section.Html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
