using System.Text.Json.Nodes;
using ProbeHarness.Report.Tests.Samples;

namespace ProbeHarness.Report.Tests.Commands;

/// <summary>The <c>advise</c> verb: its output files, --help, and exit 2 naming the file on bad input.</summary>
public sealed class AdviseCommandTests
{
    [Fact]
    public void A_recorded_run_gives_the_advice_on_stdout_and_three_files_in_out()
    {
        // Given
        using var temp = new TempFolder();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        // When
        var exit = ReportProgram.Run(["advise", "--results", TestData.Folder("advisor/run"), "--out", temp.Path], stdout, stderr);

        // Then
        Assert.Equal(ReportProgram.Ok, exit);
        Assert.Contains("# Probe advice: Deployment/target-app, container target-app", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("| recommended | 5 | 1 | 5 | 5 | 26 s / 25 s |", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(stdout.ToString(), File.ReadAllText(Path.Combine(temp.Path, "advise.md")));
        Assert.Equal("liveness", (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, "advise.json")))!["probes"]![0]!["probe"]);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(temp.Path, "advise.svg")), StringComparison.Ordinal);
        Assert.Contains("advise: advise.md, advise.json, advise.svg written to", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Records_without_latencies_still_exit_0_and_say_what_is_missing()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = ReportProgram.Run(["advise", "--results", TestData.Folder("run-k3s")], stdout, stderr);
        Assert.Equal(ReportProgram.Ok, exit);
        Assert.Contains("not recorded", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("no probe latency is recorded", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_prints_the_verbs_usage_and_exits_0()
    {
        var stdout = new StringWriter();
        var exit = ReportProgram.Run(["advise", "--help"], stdout, new StringWriter());
        Assert.Equal(ReportProgram.Ok, exit);
        Assert.Contains("usage: ProbeHarness.Report advise --results", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("results", "/no/such/run: no such results folder or report.json")]
    [InlineData("manifest", "/no/such.yaml: no such manifest file")]
    public void Bad_input_exits_2_naming_the_file(string which, string message)
    {
        // Given
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        string[] args = which == "results"
            ? ["advise", "--results", "/no/such/run"]
            : ["advise", "--results", TestData.Folder("advisor/run"), "--manifest", "/no/such.yaml"];

        // When
        var exit = ReportProgram.Run(args, stdout, stderr);

        // Then
        Assert.Equal(ReportProgram.UsageError, exit);
        Assert.Equal($"error: {message}{Environment.NewLine}", stderr.ToString());
        Assert.Equal(string.Empty, stdout.ToString());
    }

    [Theory]
    [InlineData(new[] { "advise" }, "advise needs --results")]
    [InlineData(new[] { "advise", "--results", "x", "--max-risk-per-day", "2" }, "--max-risk-per-day must be a probability")]
    [InlineData(new[] { "advise", "--results", "x", "--window", "3" }, "advise does not take --window")]
    public void A_wrong_command_line_exits_2(string[] args, string reason)
    {
        var stderr = new StringWriter();
        var exit = ReportProgram.Run(args, new StringWriter(), stderr);
        Assert.Equal(ReportProgram.UsageError, exit);
        Assert.Contains(reason, stderr.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>The build verb's index.html carries the advisor's section when the records allow it.</summary>
public sealed class BuildAdvisorSectionTests
{
    [Theory]
    [InlineData("advisor/run", true)]
    [InlineData("run-emulated", false)]
    public void The_report_has_the_advice_section_only_when_the_records_hold_a_latency_or_a_start(string run, bool expected)
    {
        // Given
        using var temp = new TempFolder();

        // When
        var exit = ReportProgram.Run(["build", "--results", TestData.Folder(run), "--out", temp.Path], new StringWriter(), new StringWriter());

        // Then
        Assert.Equal(ReportProgram.Ok, exit);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(temp.Path, "index.html")).Contains("id=\"probe-advice\"", StringComparison.Ordinal));
    }
}
