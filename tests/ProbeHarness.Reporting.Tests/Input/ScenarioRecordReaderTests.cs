using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Input;

public sealed class ScenarioRecordReaderTests
{
    [Fact]
    public void Reads_camelCase_PascalCase_commented_records_and_ignores_unknown_fields()
    {
        // Given the hand-written k3s run (camelCase, one with comments and trailing commas, one PascalCase with an unknown field)
        var folder = TestData.Folder("run-k3s");

        // When
        var set = ScenarioRecordReader.ReadFolder(folder);

        // Then
        Assert.Empty(set.Problems);
        Assert.Equal(4, set.Records.Count);
        var liveness = set.Records[0].Record;
        Assert.Equal("A failing /healthz restarts the container after 3 failures", liveness.Scenario);
        Assert.Equal(3, liveness.Timings.Count);
        Assert.Equal(22.4, liveness.Timings[0].MeasuredSeconds);
        Assert.Equal("sha256:1111aaaa2222bbbb", liveness.ImageDigests!["probe-target:dev"]);
        var missed = set.Records[2].Record;
        Assert.Equal(TimingVerdict.Missed, missed.Timings.Single().Verdict);
        Assert.Null(missed.Timings.Single().MeasuredSeconds);
    }

    [Fact]
    public void A_broken_record_becomes_a_problem_naming_file_line_and_field()
    {
        // Given one good record and one whose durationSeconds is not a number, on line 3
        using var temp = new TempFolder();
        var folder = temp.WriteRecords("results", SampleRecords.Passed());
        File.WriteAllText(Path.Combine(folder, "002.json"), "{\n  \"featureFile\": \"f\",\n  \"durationSeconds\": \"slow\"\n}");

        // When
        var set = ScenarioRecordReader.ReadFolder(folder);

        // Then
        Assert.Single(set.Records);
        var problem = Assert.Single(set.Problems);
        Assert.StartsWith(Path.Combine(folder, "002.json") + ":3: $.durationSeconds:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_missing_required_fields_is_a_problem()
    {
        // Given
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("results"));
        File.WriteAllText(temp.Combine("results", "x.json"), "{ \"feature\": \"only this\" }");

        // When
        var set = ScenarioRecordReader.ReadFolder(temp.Combine("results"));

        // Then
        var problem = Assert.Single(set.Problems);
        Assert.Contains("x.json:1:", problem, StringComparison.Ordinal);
        Assert.Contains("featureFile", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_an_input_error_naming_it()
    {
        // Given
        var folder = Path.Combine(Path.GetTempPath(), "no-such-results-" + Guid.NewGuid());

        // When
        var failure = Assert.Throws<ReportInputException>(() => ScenarioRecordReader.ReadFolder(folder));

        // Then
        Assert.Contains(folder, failure.Message, StringComparison.Ordinal);
    }
}
