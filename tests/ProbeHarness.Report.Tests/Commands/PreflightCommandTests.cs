using System.Text.Json.Nodes;
using ProbeHarness.Cluster;
using ProbeHarness.Report.Tests.Samples;

namespace ProbeHarness.Report.Tests.Commands;

/// <summary>The <c>preflight</c> verb: formats, output files, --fail-on and its exit codes 0, 1 and 2.</summary>
public sealed class PreflightCommandTests
{
    private const string NoReadiness = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: app
              image: app:1
        """;

    [Fact]
    public void The_repositorys_manifests_exit_0_with_the_table_and_the_counts()
    {
        // Given
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        // When
        var exit = ReportProgram.Run(["preflight", RepositoryPaths.Manifests], stdout, stderr);

        // Then
        Assert.Equal(0, exit);
        Assert.Contains("PH010", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("preflight: 3 finding(s) (0 error, 0 warning, 3 note) in 1 file(s); nothing at or above warning", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Theory]
    [InlineData(new string[0], 1)]
    [InlineData(new[] { "--fail-on", "warning" }, 1)]
    [InlineData(new[] { "--fail-on", "error" }, 0)]
    public void A_warning_exits_1_unless_fail_on_is_error(string[] options, int expected)
    {
        // Given a Pod without a readiness probe (PH001, a warning)
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("pod.yaml"), NoReadiness);

        // When
        var exit = ReportProgram.Run(["preflight", temp.Combine("pod.yaml"), .. options], new StringWriter(), new StringWriter());

        // Then
        Assert.Equal(expected, exit);
    }

    [Fact]
    public void Bad_input_exits_2_naming_the_file_and_line_on_stderr_whatever_the_format()
    {
        // Given a good folder next to a file of an unknown kind
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("pod.yaml"), NoReadiness);
        File.WriteAllText(temp.Combine("crd.yaml"), "apiVersion: v1\nkind: Service\n---\napiVersion: example.com/v1\nkind: Widget\n");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        // When
        var exit = ReportProgram.Run(["preflight", temp.Path, "--format", "json"], stdout, stderr);

        // Then
        Assert.Equal(2, exit);
        Assert.Contains($"error: {temp.Combine("crd.yaml")}: line 5: unknown kind 'Widget'", stderr.ToString(), StringComparison.Ordinal);
        var json = JsonNode.Parse(stdout.ToString())!;
        Assert.Equal(2, (int)json["exitCode"]!);
        Assert.Contains(json["findings"]!.AsArray(), f => (string?)f!["ruleId"] == "PH001");
    }

    [Fact]
    public void Out_and_sarif_write_files_and_say_where()
    {
        // Given
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("pod.yaml"), NoReadiness);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        // When
        var exit = ReportProgram.Run(
            ["preflight", temp.Combine("pod.yaml"), "--format", "junit", "--out", temp.Combine("out", "preflight.xml"), "--sarif", temp.Combine("out", "preflight.sarif")],
            stdout,
            stderr);

        // Then
        Assert.Equal(1, exit);
        Assert.StartsWith("<?xml", File.ReadAllText(temp.Combine("out", "preflight.xml")), StringComparison.Ordinal);
        Assert.Equal("2.1.0", (string?)JsonNode.Parse(File.ReadAllText(temp.Combine("out", "preflight.sarif")))!["version"]);
        Assert.Contains($"preflight: SARIF written to {temp.Combine("out", "preflight.sarif")}", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout.ToString());
    }

    [Fact]
    public void Help_prints_the_verbs_usage_and_exits_0()
    {
        // Given
        var stdout = new StringWriter();

        // When
        var exit = ReportProgram.Run(["preflight", "--help"], stdout, new StringWriter());

        // Then
        Assert.Equal(0, exit);
        Assert.Contains("--fail-on   the lowest severity that fails the run", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("2  bad input", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "preflight" }, "preflight needs at least one manifest file or folder")]
    [InlineData(new[] { "preflight", "m.yaml", "--format", "xml" }, "--format must be human, json, sarif or junit, not 'xml'")]
    [InlineData(new[] { "preflight", "m.yaml", "--fail-on", "info" }, "--fail-on must be error, warning or note, not 'info'")]
    [InlineData(new[] { "preflight", "m.yaml", "--strict", "yes" }, "preflight does not take --strict")]
    public void A_wrong_preflight_command_line_exits_2_with_the_reason(string[] args, string reason)
    {
        // Given
        var stderr = new StringWriter();

        // When
        var exit = ReportProgram.Run(args, new StringWriter(), stderr);

        // Then
        Assert.Equal(ReportProgram.UsageError, exit);
        Assert.StartsWith($"error: {reason}", stderr.ToString(), StringComparison.Ordinal);
    }
}
