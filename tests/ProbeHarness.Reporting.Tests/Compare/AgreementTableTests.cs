using ProbeHarness.Reporting.Compare;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Tests.Compare;

public sealed class AgreementTableTests
{
    [Fact]
    public void Pairs_scenarios_by_feature_and_title_and_finds_the_disagreement()
    {
        // Given the hand-written runs: liveness holds on both, readiness holds emulated but is late on k3s
        var emulated = ComparedRun.Load(TestData.Folder("run-emulated"));
        var k3s = ComparedRun.Load(TestData.Folder("run-k3s"));

        // When
        var table = AgreementTable.Of(emulated, k3s);

        // Then
        Assert.Equal(("emulated", "k3s"), (table.LeftName, table.RightName));
        Assert.Equal(2, table.Compared);
        Assert.Equal(1, table.Disagreements);
        Assert.Equal(Agreement.Agree, table.Rows.Single(r => r.Key.Contains("healthz", StringComparison.Ordinal)).Agreement);
        Assert.Equal(Agreement.Disagree, table.Rows.Single(r => r.Key.Contains("/ready", StringComparison.Ordinal)).Agreement);
        Assert.Equal(Agreement.OnlyRight, table.Rows.Single(r => r.Key.Contains("startup", StringComparison.Ordinal)).Agreement);
        Assert.Equal(Agreement.OnlyRight, table.Rows.Single(r => r.Key.Contains("exec", StringComparison.Ordinal)).Agreement);
    }

    [Fact]
    public void The_markdown_shows_both_verdicts_and_timings_side_by_side()
    {
        // Given
        var table = AgreementTable.Of(ComparedRun.Load(TestData.Folder("run-emulated")), ComparedRun.Load(TestData.Folder("run-k3s")));

        // When
        var markdown = table.ToMarkdown();

        // Then
        var readiness = markdown.Split('\n').Single(l => l.Contains("A failing /ready", StringComparison.Ordinal));
        Assert.Contains("| ✅ within bound | ❌ late |", readiness, StringComparison.Ordinal);
        Assert.Contains("fault→not-ready 11.0 s [10.0 s, 16.0 s]", readiness, StringComparison.Ordinal);
        Assert.Contains("fault→not-ready 24.1 s [10.0 s, 16.0 s]", readiness, StringComparison.Ordinal);
        Assert.Contains("fault→endpoint-not-ready 24.9 s ± 0.5 [10.0 s, 17.0 s] + 1.0 s (only here)", readiness, StringComparison.Ordinal);
        Assert.EndsWith("**DISAGREE** |", readiness.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("2 scenario(s) ran on both: 1 agree, 1 disagree; 0 only on emulated, 2 only on k3s", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_folder_compares_like_a_results_folder_and_environment_errors_are_not_comparable()
    {
        // Given the k3s run as a written report folder, against its own records
        using var temp = new TempFolder();
        var report = new ReportFolderWriter(_ => { }).Write(new ReportFolderRequest { ResultsFolder = TestData.Folder("run-k3s"), OutputFolder = temp.Combine("report") });

        // When
        var table = AgreementTable.Of(ComparedRun.Load(temp.Combine("report")), ComparedRun.Load(TestData.Folder("run-k3s")));

        // Then
        Assert.Equal(4, report.Scenarios.Count);
        Assert.Equal(("left (k3s)", "right (k3s)"), (table.LeftName, table.RightName));
        Assert.Equal(3, table.Compared);
        Assert.Equal(0, table.Disagreements);
        Assert.Equal(Agreement.NotComparable, table.Rows.Single(r => r.Key.Contains("exec", StringComparison.Ordinal)).Agreement);
    }

    [Fact]
    public void A_folder_with_neither_records_nor_report_is_an_input_error()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var failure = Assert.Throws<ReportInputException>(() => ComparedRun.Load(temp.Path));

        // Then
        Assert.Contains("neither scenario records", failure.Message, StringComparison.Ordinal);
    }
}
