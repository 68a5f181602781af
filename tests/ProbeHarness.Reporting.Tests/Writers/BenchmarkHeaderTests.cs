using System.Text.Json;
using System.Text.Json.Nodes;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Tests.Writers;

/// <summary>The one benchmark line in the header of report.md and index.html, and the typed object in report.json's header.</summary>
public sealed class BenchmarkHeaderTests
{
    [Fact]
    public void Markdown_html_and_json_show_the_benchmark_line_in_the_header()
    {
        // Given
        var report = Reports.From(PhasedRecords.With("a", 40), PhasedRecords.With("b", 50, startOffset: 10));
        var line = report.Header.Benchmark!.Summary;

        // When
        var markdown = MarkdownReportWriter.Write(report);
        var html = HtmlReportWriter.Write(report, _ => "<svg/>");
        var json = JsonNode.Parse(JsonReportWriter.Write(report))!;

        // Then
        Assert.Equal("Suite: 60 s wall, longest scenario 50 s, sum 90 s, 1.5 at once, load not sampled, harness overhead p95 20.0 s", line);
        Assert.Contains($"| Benchmark | {line} |", markdown, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("| Benchmark |", StringComparison.Ordinal) < markdown.IndexOf("## Scenarios", StringComparison.Ordinal));
        Assert.Contains($"<tr><th>Benchmark</th><td>{line}</td></tr>", html, StringComparison.Ordinal);
        Assert.Equal(line, (string?)json["header"]!["benchmark"]!["summary"]);
        Assert.Equal(60.0, (double)json["header"]!["benchmark"]!["wallSeconds"]!);
        var back = JsonSerializer.Deserialize<ResilienceReport>(JsonReportWriter.Write(report), JsonReportWriter.Options)!;
        Assert.Equal(line, back.Header.Benchmark!.Summary);
    }

    [Fact]
    public void Without_phases_or_suite_file_the_header_has_no_benchmark_line()
    {
        // Given
        var report = Reports.Mixed();

        // When / Then
        Assert.DoesNotContain("| Benchmark |", MarkdownReportWriter.Write(report), StringComparison.Ordinal);
        Assert.DoesNotContain("<th>Benchmark</th>", HtmlReportWriter.Write(report, _ => "<svg/>"), StringComparison.Ordinal);
        Assert.Null(JsonNode.Parse(JsonReportWriter.Write(report))!["header"]!["benchmark"]);
    }

    [Fact]
    public void The_report_folder_reads_run_suite_json_beside_the_records()
    {
        // Given a results folder with its suite file
        using var temp = new TempFolder();
        var results = temp.WriteRecords("results", SampleRecords.Passed("emulated"));
        Directory.CreateDirectory(Path.Combine(results, "run"));
        File.WriteAllText(SuiteRunReader.FileOf(results), JsonSerializer.Serialize(PhasedRecords.Suite("emulated", 8.1, 10.3, 12.4), ScenarioRecordReader.Options));
        var log = new List<string>();

        // When
        var report = new ReportFolderWriter(log.Add).Write(new ReportFolderRequest { ResultsFolder = results, OutputFolder = temp.Combine("report") });

        // Then the suite file is no scenario, and the header says the cap and the load
        Assert.Equal(1, report.Header.Counts.Total);
        Assert.Empty(report.Header.Problems);
        Assert.Contains("(cap 16), load 10.3 (8.1–12.4)", File.ReadAllText(temp.Combine("report", "report.md")), StringComparison.Ordinal);
        Assert.Contains(log, l => l.StartsWith("read run/suite.json: emulated, cap 16, 3 load sample(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_suite_file_that_does_not_read_is_a_problem_of_the_report_not_its_end()
    {
        // Given
        using var temp = new TempFolder();
        var results = temp.WriteRecords("results", SampleRecords.Passed("emulated"));
        Directory.CreateDirectory(Path.Combine(results, "run"));
        File.WriteAllText(SuiteRunReader.FileOf(results), "{ \"backend\": ");

        // When
        var report = new ReportFolderWriter(_ => { }).Write(new ReportFolderRequest { ResultsFolder = results, OutputFolder = temp.Combine("report") });

        // Then
        var problem = Assert.Single(report.Header.Problems);
        Assert.StartsWith(SuiteRunReader.FileOf(results) + ":1:", problem, StringComparison.Ordinal);
        Assert.Null(report.Header.Benchmark);
        Assert.True(File.Exists(temp.Combine("report", "index.html")));
    }
}
