using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Tests.Input;

public sealed class PreviousReportReaderTests
{
    [Fact]
    public void Finds_report_json_below_a_folder_and_reads_its_history()
    {
        // Given a report.json nested as a downloaded artifact would be
        using var temp = new TempFolder();
        var records = ScenarioRecordReader.ReadFolder(temp.WriteRecords("results", SampleRecords.Passed(), SampleRecords.Missed()));
        var report = new ReportBuilder().Build(new ReportInputs { Records = records });
        Directory.CreateDirectory(temp.Combine("previous", "report"));
        File.WriteAllText(temp.Combine("previous", "report", "report.json"), JsonReportWriter.Write(report));

        // When
        var history = PreviousReportReader.ReadHistory(temp.Combine("previous"));

        // Then
        var run = Assert.Single(history!);
        Assert.Equal(["within-bound", "missed"], run.Scenarios.Select(s => s.Verdict).Order().Reverse());
        Assert.Equal(22.4 / 31, run.Scenarios.Single(s => s.Verdict == "within-bound").Ratios["pod 1 fault→kill"], 6);
    }

    [Fact]
    public void The_folder_s_own_report_json_wins_over_newer_ones_below_it()
    {
        // Given a report folder whose sub-folder holds a newer, unrelated report.json
        using var temp = new TempFolder();
        var own = Reports.From(SampleRecords.Passed(), SampleRecords.Missed());
        var other = Reports.From(SampleRecords.Passed());
        File.WriteAllText(temp.Combine("report.json"), JsonReportWriter.Write(own));
        Directory.CreateDirectory(temp.Combine("nested"));
        File.WriteAllText(temp.Combine("nested", "report.json"), JsonReportWriter.Write(other));
        File.SetLastWriteTimeUtc(temp.Combine("report.json"), DateTime.UtcNow.AddHours(-1));

        // When
        var history = PreviousReportReader.ReadHistory(temp.Path);

        // Then
        Assert.Equal(2, Assert.Single(history!).Scenarios.Count);
    }

    [Fact]
    public void An_empty_previous_folder_means_no_history()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var history = PreviousReportReader.ReadHistory(temp.Path);

        // Then
        Assert.Null(history);
    }

    [Fact]
    public void A_file_that_is_not_a_report_is_an_error_naming_it()
    {
        // Given
        using var temp = new TempFolder();
        var file = temp.Combine("report.json");
        File.WriteAllText(file, "{ \"history\": 42 }");

        // When
        var failure = Assert.Throws<ReportInputException>(() => PreviousReportReader.ReadHistory(file));

        // Then
        Assert.StartsWith($"{file}:1: $.history:", failure.Message, StringComparison.Ordinal);
    }
}
