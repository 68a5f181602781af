using System.Text.Json.Nodes;

namespace ProbeHarness.Report.Tests.Scripts;

/// <summary>run-tests.ps1 -Preflight: builds the report tool, runs its preflight verb on the paths, exits with its code; no suite.</summary>
public sealed class RunTestsPreflightTests
{
    private const string Pod = """
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
    public async Task Preflight_builds_the_report_tool_runs_the_verb_writes_sarif_and_exits_with_its_code()
    {
        // Given a Pod without a readiness probe (a warning)
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();
        Directory.CreateDirectory(script.In("deploy"));
        File.WriteAllText(script.In("deploy", "pod.yaml"), Pod);

        // When
        var result = await script.RunAsync("-Preflight", script.In("deploy"), "-Sarif", script.In("out", "preflight.sarif"));

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PH001  deploy/pod.yaml:7", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("findings at or above warning", result.Stdout, StringComparison.Ordinal);
        var sarif = JsonNode.Parse(File.ReadAllText(script.In("out", "preflight.sarif")))!;
        Assert.Equal("deploy/pod.yaml", (string?)sarif["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal(2, script.Calls.Count);
        Assert.StartsWith("build ", script.Calls[0], StringComparison.Ordinal);
        Assert.Contains("ProbeHarness.Report.csproj", script.Calls[0], StringComparison.Ordinal);
        Assert.Contains($"-- preflight {script.In("deploy")} --sarif {script.In("out", "preflight.sarif")}", script.Calls[1], StringComparison.Ordinal);
        Assert.DoesNotContain(script.Calls, c => c.StartsWith("test ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preflight_of_bad_input_exits_2_naming_the_file_and_line()
    {
        // Given
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();
        File.WriteAllText(script.In("broken.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: [\n");

        // When
        var result = await script.RunAsync("-Preflight", $"{script.In("broken.yaml")},{script.In("missing.yaml")}");

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad input: broken.yaml: line ", result.Output, StringComparison.Ordinal);
        Assert.Contains("bad input: missing.yaml: no such file or folder", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_without_preflight_or_a_failed_build_exits_2()
    {
        // Given
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();
        File.WriteAllText(script.In("pod.yaml"), Pod);

        // When
        var sarifAlone = await script.RunAsync("-Sarif", "x.sarif");
        script.Environment["FAKE_BUILD_EXIT"] = "1";
        var buildFails = await script.RunAsync("-Preflight", script.In("pod.yaml"));

        // Then
        Assert.Equal(2, sarifAlone.ExitCode);
        Assert.Contains("-Sarif is written by -Preflight", sarifAlone.Output, StringComparison.Ordinal);
        Assert.Equal(2, buildFails.ExitCode);
        Assert.Contains("the build failed", buildFails.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(script.Calls, c => c.StartsWith("run ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhatIf_prints_the_preflight_commands_and_runs_nothing()
    {
        // Given
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();

        // When
        var result = await script.RunAsync("-Preflight", script.In("deploy"), "-WhatIf");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("would run: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"-- preflight {script.In("deploy")}", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(script.Calls);
    }
}
