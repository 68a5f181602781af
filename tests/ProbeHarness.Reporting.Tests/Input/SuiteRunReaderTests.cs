using System.Text.Json;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Input;

/// <summary>The suite file beside the records: read when there, null when not, bad JSON an input error naming the file.</summary>
public sealed class SuiteRunReaderTests
{
    [Fact]
    public void Reads_the_suite_file_of_a_results_folder()
    {
        // Given a results folder with run/suite.json as the step library writes it
        using var temp = new TempFolder();
        var folder = temp.WriteRecords("results", PhasedRecords.With("a", 30));
        Directory.CreateDirectory(Path.Combine(folder, "run"));
        File.WriteAllText(SuiteRunReader.FileOf(folder), JsonSerializer.Serialize(PhasedRecords.Suite("emulated", 1.5, 2.5), ScenarioRecordReader.Options));

        // When
        var run = SuiteRunReader.ReadFolder(folder);

        // Then
        Assert.NotNull(run);
        Assert.Equal(("emulated", 16, 3.0), (run.Backend, run.ConcurrencyCap, run.BackendStartSeconds));
        Assert.Equal([1.5, 2.5], run.Load.Select(l => l.OneMinute));
    }

    [Fact]
    public void A_folder_without_a_suite_file_has_none_and_its_records_do_not_take_it_for_one()
    {
        // Given
        using var temp = new TempFolder();
        var folder = temp.WriteRecords("results", PhasedRecords.With("a", 30));

        // When / Then
        Assert.Null(SuiteRunReader.ReadFolder(folder));
        Assert.Equal(Path.Combine(folder, "run", "suite.json"), SuiteRunReader.FileOf(folder));
    }

    [Theory]
    [InlineData("{\n  \"backend\": \"emulated\",\n  \"processorCount\": \"many\"\n}", ":3: $.processorCount:")]
    [InlineData("{ \"backend\": ", ":1: $.backend:")]
    [InlineData("{ \"backend\": \"emulated\" }", ":1: $:")]
    [InlineData("null", ":1: the file holds null")]
    public void A_suite_file_that_does_not_read_is_an_input_error_naming_file_line_and_field(string json, string expected)
    {
        // Given
        using var temp = new TempFolder();
        var folder = temp.Combine("results");
        Directory.CreateDirectory(Path.Combine(folder, "run"));
        File.WriteAllText(SuiteRunReader.FileOf(folder), json);

        // When
        var failure = Assert.Throws<ReportInputException>(() => SuiteRunReader.ReadFolder(folder));

        // Then
        Assert.StartsWith(SuiteRunReader.FileOf(folder) + expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_suite_file_asked_for_by_name_is_an_input_error()
    {
        // Given
        var file = Path.Combine(Path.GetTempPath(), "no-such-suite-" + Guid.NewGuid() + ".json");

        // When
        var failure = Assert.Throws<ReportInputException>(() => SuiteRunReader.ReadFile(file));

        // Then
        Assert.Equal($"{file}: the suite file does not exist.", failure.Message);
    }

    [Fact]
    public void The_relative_path_is_inside_a_sub_folder()
    {
        Assert.Equal("run/suite.json", SuiteRun.RelativePath);
    }
}
