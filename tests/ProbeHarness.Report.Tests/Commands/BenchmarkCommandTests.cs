using System.Text.Json;
using System.Text.Json.Nodes;
using ProbeHarness.Report.Commands;
using ProbeHarness.Report.Tests.Samples;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Report.Tests.Commands;

/// <summary>The <c>benchmark</c> verb: the summary, the files it writes and where, the dated section, --help, and exit 2 on bad input.</summary>
public sealed class BenchmarkCommandTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_results_folder_gives_the_summary_with_progress_and_both_files_in_out()
    {
        // Given an emulated run of two scenarios with its suite file
        using var temp = new TempFolder();
        var results = Results(temp, "results", "emulated", withSuite: true);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        // When
        var exit = ReportProgram.Run(["benchmark", "--results", results, "--out", temp.Combine("bench"), "--commit", "1a2b3c4"], stdout, stderr);

        // Then
        Assert.Equal(ReportProgram.Ok, exit);
        var text = stdout.ToString();
        Assert.Contains($"benchmark: read 2 scenario record(s) from {results}, run/suite.json with 2 load sample(s)", text, StringComparison.Ordinal);
        Assert.Contains($"benchmark: wrote benchmark.json and benchmark.md to {temp.Combine("bench")}", text, StringComparison.Ordinal);
        Assert.Contains("[emulated] Suite: 60 s wall, longest scenario 50 s, sum 90 s, 1.5 at once (cap 8), load 1.5 (1.0–2.0), harness overhead p95 14.0 s", text, StringComparison.Ordinal);
        Assert.Contains("[emulated] target suite wall: wall ≤ 1.5 × longest scenario + 20 s: 60.0 s (longest 50.0 s), limit 95.0 s: met", text, StringComparison.Ordinal);
        Assert.Contains("[emulated] target harness overhead: overhead per scenario ≤ 1 s (p95): 14.0 s (max 14.0 s), limit 1.0 s: NOT MET", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
        var json = JsonNode.Parse(File.ReadAllText(temp.Combine("bench", BenchmarkCommand.Outputs[0])))!;
        Assert.Equal("1a2b3c4", (string?)json["commit"]);
        Assert.Equal(results, (string?)json["results"]);
        Assert.Equal(2, json["scenarios"]!.AsArray().Count);
        Assert.Contains("| Concurrency cap | 8 |", File.ReadAllText(temp.Combine("bench", BenchmarkCommand.Outputs[1])), StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_the_files_go_beside_the_results_into_benchmarks_backend()
    {
        // Given artifacts/results/emulated without a suite file
        using var temp = new TempFolder();
        var results = Results(temp, Path.Combine("artifacts", "results", "emulated"), "emulated", withSuite: false);
        var stdout = new StringWriter();

        // When
        var exit = ReportProgram.Run(["benchmark", "--results", results], stdout, new StringWriter());

        // Then
        Assert.Equal(ReportProgram.Ok, exit);
        Assert.Contains("no run/suite.json (no run span, cap or load)", stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("artifacts", "benchmarks", "emulated", "benchmark.json")));
        Assert.True(File.Exists(temp.Combine("artifacts", "benchmarks", "emulated", "benchmark.md")));
    }

    [Fact]
    public void Several_results_folders_get_one_sub_folder_of_out_per_backend()
    {
        // Given an emulated and a k3s run, and a second emulated run
        using var temp = new TempFolder();
        var emulated = Results(temp, "emulated", "emulated", withSuite: true);
        var k3s = Results(temp, "k3s", "k3s", withSuite: true);
        var again = Results(temp, "emulated-again", "emulated", withSuite: false);

        // When
        var exit = ReportProgram.Run(["benchmark", "--results", emulated, "--results", k3s, "--results", again, "--out", temp.Combine("bench")], new StringWriter(), new StringWriter());

        // Then
        Assert.Equal(ReportProgram.Ok, exit);
        Assert.True(File.Exists(temp.Combine("bench", "emulated", "benchmark.md")));
        Assert.True(File.Exists(temp.Combine("bench", "k3s", "benchmark.md")));
        Assert.True(File.Exists(temp.Combine("bench", "emulated-2", "benchmark.md")));
        Assert.Contains("Suite benchmark: k3s", File.ReadAllText(temp.Combine("bench", "k3s", "benchmark.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_section_goes_alone_to_stdout_and_the_progress_to_stderr()
    {
        // Given
        using var temp = new TempFolder();
        var results = Results(temp, "results", "emulated", withSuite: true);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        // When
        var exit = ReportProgram.Run(["benchmark", "--markdown-section", "--results", results, "--out", temp.Combine("bench"), "--commit", "1a2b3c4"], stdout, stderr);

        // Then
        Assert.Equal(ReportProgram.Ok, exit);
        var section = stdout.ToString();
        Assert.StartsWith("### 2026-12-02 · commit 1a2b3c4", section, StringComparison.Ordinal);
        Assert.Contains("**[emulated] emulated**, machine: ci-runner, 4 cores, load 1.5 (1.0–2.0)", section, StringComparison.Ordinal);
        Assert.DoesNotContain("benchmark:", section, StringComparison.Ordinal);
        Assert.Contains("benchmark: wrote benchmark.json and benchmark.md", stderr.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("bench", "benchmark.json")));
    }

    [Fact]
    public void Help_prints_the_verbs_usage_and_exits_0()
    {
        // Given / When
        var stdout = new StringWriter();
        var exit = ReportProgram.Run(["benchmark", "--help"], stdout, new StringWriter());

        // Then
        Assert.Equal(ReportProgram.Ok, exit);
        Assert.Contains("usage: ProbeHarness.Report benchmark --results <dir> [--results <dir>]... [--out <dir>] [--commit <sha>]", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("--markdown-section", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("ProbeHarness.Report benchmark --results", ReportProgram.Usage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", "no-such: the results folder does not exist")]
    [InlineData("empty", "empty: the results folder holds no scenario record (*.json).")]
    [InlineData("broken-record", "broken.json:1:")]
    [InlineData("broken-suite", "suite.json:1: $.backend:")]
    public void Bad_input_exits_2_naming_the_file_and_writes_nothing(string which, string message)
    {
        // Given
        using var temp = new TempFolder();
        var folder = which switch
        {
            "missing" => temp.Combine("no-such"),
            "empty" => Directory.CreateDirectory(temp.Combine("empty")).FullName,
            _ => Results(temp, "results", "emulated", withSuite: true),
        };
        if (which == "broken-record")
        {
            File.WriteAllText(Path.Combine(folder, "broken.json"), "{ \"featureFile\": ");
        }
        else if (which == "broken-suite")
        {
            File.WriteAllText(SuiteRunReader.FileOf(folder), "{ \"backend\": ");
        }

        var stderr = new StringWriter();

        // When
        var exit = ReportProgram.Run(["benchmark", "--results", folder, "--out", temp.Combine("bench")], new StringWriter(), stderr);

        // Then
        Assert.Equal(ReportProgram.UsageError, exit);
        Assert.StartsWith("error: ", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("bench")));
    }

    [Theory]
    [InlineData(new[] { "benchmark" }, "benchmark needs --results")]
    [InlineData(new[] { "benchmark", "--results", "x", "--format", "json" }, "benchmark does not take --format")]
    [InlineData(new[] { "benchmark", "--results", "x", "--commit" }, "--commit needs a value")]
    [InlineData(new[] { "benchmark", "--results", "x", "--out", "a", "--out", "b" }, "--out is given more than once")]
    [InlineData(new[] { "build", "--results", "r", "--out", "o", "--markdown-section" }, "--markdown-section needs a value")]
    public void A_wrong_command_line_exits_2_with_the_reason(string[] args, string reason)
    {
        // Given
        var stderr = new StringWriter();

        // When
        var exit = ReportProgram.Run(args, new StringWriter(), stderr);

        // Then
        Assert.Equal(ReportProgram.UsageError, exit);
        Assert.StartsWith($"error: {reason}", stderr.ToString(), StringComparison.Ordinal);
    }

    // Two scenarios with phases: 40 s from T0 and 50 s from T0 + 10 s, 20 s of steps each, waits of 6 s and 7 s.
    private static string Results(TempFolder temp, string name, string backend, bool withSuite)
    {
        var folder = temp.Combine(name);
        Directory.CreateDirectory(folder);
        Write(folder, "a.json", Record(backend, "a", 40, T0, wait: 6));
        Write(folder, "b.json", Record(backend, "b", 50, T0.AddSeconds(10), wait: 7));
        if (withSuite)
        {
            Directory.CreateDirectory(Path.Combine(folder, "run"));
            Write(folder, SuiteRun.RelativePath, new SuiteRun
            {
                Backend = backend,
                Host = "ci-runner",
                ProcessorCount = 4,
                ConcurrencyCap = 8,
                StartedAt = T0.AddSeconds(-5),
                EndedAt = T0.AddSeconds(65),
                BackendStartSeconds = 2,
                BackendStopSeconds = 1,
                Load = [new LoadSample(T0, 1), new LoadSample(T0.AddSeconds(30), 2)],
            });
        }

        return folder;
    }

    private static void Write<T>(string folder, string file, T value) =>
        File.WriteAllText(Path.Combine(folder, file), JsonSerializer.Serialize(value, ScenarioRecordReader.Options));

    private static ScenarioRecord Record(string backend, string title, double duration, DateTimeOffset start, double wait) => new()
    {
        FeatureFile = "features/readiness/readiness.feature",
        Feature = "Readiness",
        Scenario = title,
        Tags = ["readiness"],
        Backend = backend,
        Emulated = backend == "emulated",
        Outcome = "passed",
        StartedAt = start,
        DurationSeconds = duration,
        Phases = new ScenarioPhases
        {
            NamespaceSeconds = 1,
            SetupSeconds = 5,
            StepsSeconds = 20,
            TeardownSeconds = 2,
            Waits = [new WaitRecord(5, 5 + wait, null)],
        },
    };
}
