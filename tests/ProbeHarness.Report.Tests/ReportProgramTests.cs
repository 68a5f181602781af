using ProbeHarness.Report.Tests.Samples;

namespace ProbeHarness.Report.Tests;

public sealed class ReportProgramTests
{
    [Fact]
    public void Build_writes_the_report_folder_and_prints_the_summary_and_path()
    {
        // Given
        using var temp = new TempFolder();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        // When
        var exit = ReportProgram.Run(
            ["build", "--results", TestData.Folder("run-k3s"), "--out", temp.Combine("report"), "--trx", TestData.Folder("run-k3s.trx"), "--suite-seconds", "300"],
            stdout,
            stderr);

        // Then
        Assert.Equal(ReportProgram.Ok, exit);
        Assert.True(File.Exists(temp.Combine("report", "index.html")));
        Assert.Contains("5 scenarios: 1 held, 2 not held, 2 environment error(s), 0 skipped", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("suite wall time 300.0 s", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains($"report: {temp.Combine("report", "index.html")}", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public void Build_of_an_emulated_run_labels_its_summary()
    {
        // Given
        using var temp = new TempFolder();
        var stdout = new StringWriter();

        // When
        var exit = ReportProgram.Run(["build", "--results", TestData.Folder("run-emulated"), "--out", temp.Combine("report")], stdout, new StringWriter());

        // Then
        Assert.Equal(ReportProgram.Ok, exit);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("report: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.StartsWith("[emulated] ", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_with_an_unreadable_record_still_writes_the_report_but_exits_3()
    {
        // Given
        using var temp = new TempFolder();
        var results = temp.CopyTestData("run-emulated");
        File.WriteAllText(Path.Combine(results, "broken.json"), "{ \"featureFile\": ");
        var stderr = new StringWriter();

        // When
        var exit = ReportProgram.Run(["build", "--results", results, "--out", temp.Combine("report")], new StringWriter(), stderr);

        // Then
        Assert.Equal(ReportProgram.InputError, exit);
        Assert.Contains($"warning: {Path.Combine(results, "broken.json")}:1:", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("broken.json", File.ReadAllText(temp.Combine("report", "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_prints_the_agreement_table_and_exits_1_on_a_disagreement()
    {
        // Given
        var stdout = new StringWriter();

        // When
        var exit = ReportProgram.Run(["compare", "--left", TestData.Folder("run-emulated"), "--right", TestData.Folder("run-k3s")], stdout, new StringWriter());

        // Then
        Assert.Equal(ReportProgram.Disagreement, exit);
        Assert.Contains("## Agreement: emulated vs k3s", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("**DISAGREE**", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_exits_0_when_every_scenario_on_both_agrees_and_writes_the_table_file()
    {
        // Given the emulated run against itself written as a report folder
        using var temp = new TempFolder();
        ReportProgram.Run(["build", "--results", TestData.Folder("run-emulated"), "--out", temp.Combine("report")], new StringWriter(), new StringWriter());

        // When
        var exit = ReportProgram.Run(
            ["compare", "--left", TestData.Folder("run-emulated"), "--right", temp.Combine("report"), "--out", temp.Combine("agreement.md")],
            new StringWriter(),
            new StringWriter());

        // Then
        Assert.Equal(ReportProgram.Ok, exit);
        Assert.Contains("2 scenario(s) ran on both: 2 agree, 0 disagree", File.ReadAllText(temp.Combine("agreement.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_writes_agreement_md_into_a_folder_given_as_out()
    {
        // Given a report folder that exists already
        using var temp = new TempFolder();
        ReportProgram.Run(["build", "--results", TestData.Folder("run-emulated"), "--out", temp.Combine("report")], new StringWriter(), new StringWriter());

        // When
        var exit = ReportProgram.Run(
            ["compare", "--left", TestData.Folder("run-emulated"), "--right", temp.Combine("report"), "--out", temp.Combine("report")],
            new StringWriter(),
            new StringWriter());

        // Then
        Assert.Equal(ReportProgram.Ok, exit);
        Assert.Contains("2 agree, 0 disagree", File.ReadAllText(Path.Combine(temp.Combine("report"), "agreement.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_exits_3_when_nothing_ran_on_both()
    {
        // Given a run whose only scenario is an environment error
        using var temp = new TempFolder();
        var left = temp.Combine("left");
        Directory.CreateDirectory(left);
        File.Copy(Path.Combine(TestData.Folder("run-k3s"), "004-environment-error.json"), Path.Combine(left, "004.json"));
        var stdout = new StringWriter();

        // When
        var exit = ReportProgram.Run(["compare", "--left", left, "--right", TestData.Folder("run-k3s")], stdout, new StringWriter());

        // Then
        Assert.Equal(ReportProgram.InputError, exit);
        Assert.Contains("nothing was compared", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "no command given")]
    [InlineData(new[] { "publish" }, "unknown command 'publish'")]
    [InlineData(new[] { "build", "--out", "x" }, "build needs --results")]
    [InlineData(new[] { "build", "--results", "r", "--out", "o", "--colour", "red" }, "build does not take --colour")]
    [InlineData(new[] { "build", "--results", "r", "--out", "o", "--suite-seconds", "soon" }, "--suite-seconds must be a non-negative number of seconds, not 'soon'")]
    [InlineData(new[] { "build", "--results" }, "--results needs a value")]
    [InlineData(new[] { "compare", "--left", "a", "--left", "b", "--right", "c" }, "--left is given more than once")]
    [InlineData(new[] { "compare", "left", "right" }, "'left' is not an option")]
    public void A_wrong_command_line_exits_2_with_the_reason_and_the_usage(string[] args, string reason)
    {
        // Given
        var stderr = new StringWriter();

        // When
        var exit = ReportProgram.Run(args, new StringWriter(), stderr);

        // Then
        Assert.Equal(ReportProgram.UsageError, exit);
        Assert.StartsWith($"error: {reason}", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage:", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_results_folder_exits_3_naming_it()
    {
        // Given
        using var temp = new TempFolder();
        var stderr = new StringWriter();

        // When
        var exit = ReportProgram.Run(["build", "--results", temp.Combine("none"), "--out", temp.Combine("report")], new StringWriter(), stderr);

        // Then
        Assert.Equal(ReportProgram.InputError, exit);
        Assert.Contains(temp.Combine("none"), stderr.ToString(), StringComparison.Ordinal);
    }
}
