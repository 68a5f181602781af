using System.Text.Json.Nodes;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Tests.Writers;

public sealed class ReportFolderWriterTests
{
    [Fact]
    public void Writes_every_output_with_a_timeline_per_scenario_and_copies_trx_and_cucumber_files()
    {
        // Given the hand-written k3s run, its TRX and a Cucumber NDJSON beside the records
        using var temp = new TempFolder();
        var results = temp.Combine("results");
        Directory.CreateDirectory(results);
        foreach (var file in Directory.GetFiles(TestData.Folder("run-k3s")))
        {
            File.Copy(file, Path.Combine(results, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(results, "cucumber.ndjson"), "{\"meta\":{}}\n");
        var log = new List<string>();

        // When
        var report = new ReportFolderWriter(log.Add).Write(new ReportFolderRequest
        {
            ResultsFolder = results,
            OutputFolder = temp.Combine("report"),
            Trx = TestData.Folder("run-k3s.trx"),
        });

        // Then
        var output = temp.Combine("report");
        foreach (var file in new[] { "report.json", "report.md", "index.html", "junit.xml", "run-k3s.trx", "cucumber/cucumber.ndjson" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} was not written");
        }

        Assert.Equal(5, report.Scenarios.Count);
        Assert.Equal(report.Scenarios.Count, Directory.GetFiles(Path.Combine(output, "timelines"), "*.svg").Length);
        Assert.All(report.Scenarios, r => Assert.True(File.Exists(Path.Combine(output, r.TimelineImage))));
        Assert.Equal("run-k3s.trx", report.Artifacts.Trx);
        Assert.Equal(["cucumber/cucumber.ndjson"], report.Artifacts.Cucumber);
        Assert.Contains("href=\"cucumber/cucumber.ndjson\"", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
        Assert.Contains(log, l => l.StartsWith("read 4 scenario record(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_section_that_throws_is_named_in_the_report_instead_of_failing_it()
    {
        // Given an extra section whose producer fails (e.g. the repository is not found from a tool run)
        using var temp = new TempFolder();
        var results = temp.WriteRecords("results", SampleRecords.Passed());

        // When
        new ReportFolderWriter(_ => { }).Write(new ReportFolderRequest
        {
            ResultsFolder = results,
            OutputFolder = temp.Combine("report"),
            Sections = [_ => throw new DirectoryNotFoundException("Harness.sln was not found")],
        });

        // Then
        var html = File.ReadAllText(temp.Combine("report", "index.html"));
        Assert.Contains("A report section could not be computed", html, StringComparison.Ordinal);
        Assert.Contains("Harness.sln was not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public void No_report_file_contains_a_credential()
    {
        // Given records, a TRX and diagnostics full of tokens, keys and passwords
        using var temp = new TempFolder();
        var results = temp.WriteRecords("results", SampleRecords.FailedLateWithDiagnostics(), SampleRecords.Passed());
        File.Copy(TestData.Folder("run-k3s.trx"), Path.Combine(results, "run.trx"));

        File.WriteAllText(Path.Combine(results, "cucumber.ndjson"), $"{{\"testStepFinished\":{{\"message\":\"token: {Secrets.Token}\\nnext line\"}}}}\n");

        // When
        var report = new ReportFolderWriter(_ => { }).Write(new ReportFolderRequest
        {
            ResultsFolder = results,
            OutputFolder = temp.Combine("report"),
            Trx = Path.Combine(results, "run.trx"),
        });

        // Then every file, the copied TRX and Cucumber output included, is clean and still parses
        var files = Directory.GetFiles(temp.Combine("report"), "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(6 + report.Scenarios.Count, files.Count);
        System.Xml.Linq.XDocument.Load(temp.Combine("report", "run.trx"));
        JsonNode.Parse(File.ReadAllText(temp.Combine("report", "cucumber", "cucumber.ndjson")));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var secret in Secrets.All.Append("sk-live-0123456789abcdef"))
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{file} contains {secret}");
            }
        }

        Assert.Contains("[redacted]", File.ReadAllText(temp.Combine("report", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_previous_report_folder_adds_trends_and_keeps_the_history_growing()
    {
        // Given last night's report folder
        using var temp = new TempFolder();
        var writer = new ReportFolderWriter(_ => { });
        writer.Write(new ReportFolderRequest { ResultsFolder = temp.WriteRecords("night1", SampleRecords.Passed(killAt: 22)), OutputFolder = temp.Combine("previous") });

        // When tonight's is built against it
        var report = writer.Write(new ReportFolderRequest
        {
            ResultsFolder = temp.WriteRecords("night2", SampleRecords.Passed(killAt: 33, offsetMinutes: 1440)),
            OutputFolder = temp.Combine("report"),
            Previous = temp.Combine("previous"),
        });

        // Then
        Assert.True(report.Scenarios[0].VerdictChanged);
        var json = JsonNode.Parse(File.ReadAllText(temp.Combine("report", "report.json")))!;
        Assert.Equal(2, json["history"]!.AsArray().Count);
        Assert.True((bool)json["scenarios"]![0]!["verdictChanged"]!);
    }

    [Fact]
    public void A_missing_trx_is_a_problem_in_the_report_not_a_crash()
    {
        // Given
        using var temp = new TempFolder();
        var results = temp.WriteRecords("results", SampleRecords.Passed());

        // When
        var report = new ReportFolderWriter(_ => { }).Write(new ReportFolderRequest
        {
            ResultsFolder = results,
            OutputFolder = temp.Combine("report"),
            Trx = temp.Combine("nowhere.trx"),
        });

        // Then
        var problem = Assert.Single(report.Header.Problems);
        Assert.Contains("nowhere.trx", problem, StringComparison.Ordinal);
        Assert.Null(report.Artifacts.Trx);
    }

    [Fact]
    public void Cucumber_files_already_in_the_report_folder_are_linked_where_they_are_and_old_timelines_go()
    {
        // Given Reqnroll wrote cucumber.html into the report folder (HARNESS_REPORT_DIR), beside an earlier run's picture
        using var temp = new TempFolder();
        var output = temp.Combine("report");
        Directory.CreateDirectory(Path.Combine(output, "timelines"));
        File.WriteAllText(Path.Combine(output, "timelines", "009-old.svg"), "<svg/>");
        File.WriteAllText(Path.Combine(output, "cucumber.html"), $"<html><body>token: {Secrets.Token}</body></html>");
        File.WriteAllText(Path.Combine(output, "index.html"), "<html>the earlier report</html>");

        // When
        var report = new ReportFolderWriter(_ => { }).Write(new ReportFolderRequest
        {
            ResultsFolder = temp.WriteRecords("results", SampleRecords.Passed()),
            OutputFolder = output,
        });

        // Then
        Assert.Equal(["cucumber.html"], report.Artifacts.Cucumber);
        Assert.False(Directory.Exists(Path.Combine(output, "cucumber")));
        Assert.DoesNotContain(Secrets.Token, File.ReadAllText(Path.Combine(output, "cucumber.html")), StringComparison.Ordinal);
        Assert.Equal([Path.Combine(output, report.Scenarios[0].TimelineImage)], Directory.GetFiles(Path.Combine(output, "timelines")));
    }

    [Fact]
    public void A_copied_cucumber_html_keeps_its_script_byte_for_byte()
    {
        // Given Cucumber's HTML (bundled JavaScript with "password"===t, a token in a message) among the results
        using var temp = new TempFolder();
        var results = temp.WriteRecords("results", SampleRecords.Passed());
        var original = File.ReadAllText(Path.Combine(TestData.Folder("cucumber"), "cucumber-like.html"));
        File.WriteAllText(Path.Combine(results, "cucumber.html"), original);

        // When
        new ReportFolderWriter(_ => { }).Write(new ReportFolderRequest { ResultsFolder = results, OutputFolder = temp.Combine("report") });

        // Then only the token changed
        var copy = File.ReadAllText(temp.Combine("report", "cucumber", "cucumber.html"));
        Assert.Equal(original.Replace(Secrets.Token, ProbeHarness.Reporting.Scrubbing.CredentialScrubber.Redacted, StringComparison.Ordinal), copy);
    }

    [Fact]
    public void A_selection_file_makes_tests_that_left_no_result_not_run_and_a_missing_one_is_a_problem()
    {
        // Given a selection of two tests, of which one left a record
        using var temp = new TempFolder();
        var results = temp.WriteRecords("results", SampleRecords.Passed() with { TestName = "HTTP liveness: ran" });
        var selected = temp.Combine("selected-tests.txt");
        File.WriteAllLines(selected, ["HTTP liveness: ran", "HTTP liveness: never ran", ""]);

        // When
        var report = new ReportFolderWriter(_ => { }).Write(new ReportFolderRequest { ResultsFolder = results, OutputFolder = temp.Combine("report"), Selected = selected });
        var missing = new ReportFolderWriter(_ => { }).Write(new ReportFolderRequest { ResultsFolder = results, OutputFolder = temp.Combine("report2"), Selected = temp.Combine("nowhere.txt") });

        // Then
        Assert.Equal(["HTTP liveness: never ran"], report.Scenarios.Where(r => r.Verdict == Model.ScenarioVerdict.NotRun).Select(r => r.Scenario));
        Assert.Contains(missing.Header.Problems, p => p.Contains("nowhere.txt", StringComparison.Ordinal));
    }
}
