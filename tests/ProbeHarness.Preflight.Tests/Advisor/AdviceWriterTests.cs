using System.Text.Json.Nodes;
using ProbeHarness.Preflight.Advisor;

namespace ProbeHarness.Preflight.Tests.Advisor;

/// <summary>advise.md, advise.json and advise.svg.</summary>
public sealed class AdviceWriterTests
{
    private static Advice Advise(string folder) => ProbeAdvisor.Advise(
        AdvisorData.Samples(folder), AdvisorInput.ReadManifest(AdvisorData.TargetAppManifest), "run");

    [Fact]
    public void The_markdown_has_the_current_and_recommended_rows_with_detection_and_risk()
    {
        var markdown = AdviceWriter.Markdown(Advise(AdvisorData.Run));
        Assert.Contains("| liveness latency | 112 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| current | 10 | 1 | 3 | 5 | 31 s / 30 s | 3 of 112 (2.68 %) | 1.9e-05 | 0.153 | 0.153 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| recommended | 5 | 1 | 5 | 5 | 26 s / 25 s | 3 of 112 (2.68 %) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| recommended | 10 | 1 | 3 | 0 | 20 s | 30 s | 0 of 4 (0 %) | 0 of 4 (0 %) |", markdown, StringComparison.Ordinal);
        Assert.Contains("risk per day = 1 − (1 − p^failureThreshold)^(86400 / periodSeconds)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_figures_read_not_recorded()
    {
        var markdown = AdviceWriter.Markdown(Advise(AdvisorData.ReportingK3s));
        Assert.Contains("| liveness latency | 0 | not recorded | not recorded | not recorded | not recorded |", markdown, StringComparison.Ordinal);
        Assert.Contains("| current | 10 | 1 | 3 | 5 | 31 s / 30 s | not recorded | not recorded | not recorded | not recorded |", markdown, StringComparison.Ordinal);
        Assert.Contains("| recommended | no advice |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Missing figures and caveats", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_carries_the_probes_with_names_and_nulls_for_missing_figures()
    {
        var json = JsonNode.Parse(AdviceWriter.Json(Advise(AdvisorData.ReportingK3s)))!;
        var liveness = json["probes"]![0]!;
        Assert.Equal("liveness", (string?)liveness["probe"]);
        Assert.Null(liveness["recommended"]);
        Assert.Null(liveness["currentAssessment"]!["riskPerDay"]);
        Assert.Equal(31, (double)liveness["currentAssessment"]!["detectionSeconds"]!);
    }

    [Fact]
    public void The_picture_draws_every_period_and_marks_the_current_and_recommended_settings()
    {
        var svg = AdvicePlot.ToSvg(Advise(AdvisorData.Run));
        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        Assert.Contains("font-family=\"DejaVu Sans\"", svg, StringComparison.Ordinal);
        foreach (var text in new[] { "periodSeconds 5 (failureThreshold 1…10)", "periodSeconds 30", "current: p=10, T=1, fT=3", "recommended: p=5, T=1, fT=5", "1e-3", "false-restart risk per day" })
        {
            Assert.Contains(text, svg, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_picture_also_comes_as_png()
    {
        var png = AdvicePlot.ToPng(Advise(AdvisorData.Run));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public void Without_latencies_the_picture_says_so()
    {
        var svg = AdvicePlot.ToSvg(Advise(AdvisorData.ReportingK3s));
        Assert.Contains("the records hold no probe latency", svg, StringComparison.Ordinal);
    }
}

/// <summary>The advisor's section of the report's index.html.</summary>
public sealed class AdvisorSectionTests
{
    [Fact]
    public void Records_with_latencies_give_a_section_with_the_settings_and_the_picture()
    {
        var section = AdvisorSection.For(AdvisorData.Run, AdvisorData.TargetAppManifest);
        Assert.NotNull(section);
        Assert.Equal("probe-advice", section.Id);
        Assert.Contains("<tr><td>liveness</td><td>recommended</td><td>5 s / 1 s / 5 / 5 s</td><td>26 s hang, 25 s fail-fast</td>", section.Html, StringComparison.Ordinal);
        Assert.Contains("data:image/svg+xml;base64,", section.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_with_neither_a_latency_nor_a_start_or_a_bad_manifest_give_no_section()
    {
        var emulated = Path.Combine(AppContext.BaseDirectory, "TestData", "reporting", "run-emulated");
        Assert.Null(AdvisorSection.For(emulated, AdvisorData.TargetAppManifest));
        Assert.Null(AdvisorSection.For(AdvisorData.Run, "/no/such.yaml"));
    }
}
