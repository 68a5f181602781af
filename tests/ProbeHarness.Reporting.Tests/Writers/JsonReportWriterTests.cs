using System.Text.Json;
using System.Text.Json.Nodes;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Tests.Writers;

public sealed class JsonReportWriterTests
{
    [Fact]
    public void Writes_camelCase_with_verdict_words_and_the_history()
    {
        // Given
        var report = Reports.Mixed();

        // When
        var json = JsonNode.Parse(JsonReportWriter.Write(report))!;

        // Then
        Assert.Equal(1, (int)json["schemaVersion"]!);
        var scenarios = json["scenarios"]!.AsArray();
        Assert.Equal(6, scenarios.Count);
        var passed = scenarios.Single(s => (string)s!["scenario"]! == "A failing /healthz restarts the container")!;
        Assert.Equal("within-bound", (string)passed["verdict"]!);
        Assert.Equal("pod 1 fault→kill", (string)passed["timings"]![0]!["name"]!);
        Assert.Equal("action", (string)passed["timings"]![0]!["role"]!);
        Assert.Equal("[k3s]", (string)passed["label"]!);
        Assert.Single(json["history"]!.AsArray());
        Assert.Equal(2, (int)json["scores"]!["conformance"]!["numerator"]!);
    }

    [Fact]
    public void Every_timing_keeps_its_measured_seconds_with_its_role_and_precision()
    {
        // Given a kill measured at 22.4 s ± 0.4 with 1 s of jitter
        var report = Reports.From(SampleRecords.Passed());

        // When
        var json = JsonNode.Parse(JsonReportWriter.Write(report))!;

        // Then
        var kill = json["scenarios"]![0]!["timings"]![0]!;
        Assert.Equal(22.4, (double)kill["measuredSeconds"]!);
        Assert.Equal(0.4, (double)kill["precisionSeconds"]!);
        Assert.Equal("action", (string)kill["role"]!);
        Assert.Equal(1, (double)kill["jitterSeconds"]!);
        Assert.Equal("within-bound", (string)kill["verdict"]!);
    }

    [Fact]
    public void The_report_reads_back_into_the_same_model()
    {
        // Given
        var report = Reports.Mixed();

        // When
        var back = JsonSerializer.Deserialize<ResilienceReport>(JsonReportWriter.Write(report), JsonReportWriter.Options)!;

        // Then
        Assert.Equal(report.Scenarios.Select(r => (r.Key, r.Verdict)), back.Scenarios.Select(r => (r.Key, r.Verdict)));
        Assert.Equal(report.Header.Counts.Total, back.Header.Counts.Total);
        Assert.Equal(report.History[0].Scenarios.Count, back.History[0].Scenarios.Count);
    }
}
