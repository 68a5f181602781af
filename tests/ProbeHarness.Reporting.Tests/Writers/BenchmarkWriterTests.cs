using System.Text.Json;
using System.Text.Json.Nodes;
using ProbeHarness.Reporting.Benchmark;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Tests.Writers;

/// <summary>benchmark.md, benchmark.json and the dated section for docs/benchmarks.md.</summary>
public sealed class BenchmarkWriterTests
{
    private static BenchmarkReport Sample() => BenchmarkCalculator.Of(
        [
            PhasedRecords.With("short | piped", 10, waits: [new WaitRecord(5, 12, 5)]),
            SampleRecords.Passed("emulated"),
            PhasedRecords.With("long", 90, startOffset: 5),
            PhasedRecords.With("skipped", 1, startOffset: 7) with { Outcome = "skipped" },
        ],
        PhasedRecords.Suite("emulated", 8.1, 10.3, 12.4)) with { Commit = "1a2b3c4" };

    [Fact]
    public void The_markdown_has_the_suite_block_the_targets_and_the_scenarios_longest_first()
    {
        // Given
        var benchmark = Sample();

        // When
        var markdown = BenchmarkWriter.Markdown(benchmark);

        // Then
        Assert.StartsWith("# [emulated] Suite benchmark: emulated", markdown, StringComparison.Ordinal);
        Assert.Contains(benchmark.Suite.Summary, markdown, StringComparison.Ordinal);
        Assert.Contains("| Scenarios | 4: 2 measured, 1 not measured, 1 skipped |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Run span (run/suite.json) | 104.0 s (backend start 3.0 s, backend stop 1.5 s) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Longest scenario (critical path) | long: 90.0 s |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Load average (1 min) | min 8.1, mean 10.3, max 12.4 (3 samples) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| suite wall | wall ≤ 1.5 × longest scenario + 20 s | 95.0 s (longest 90.0 s) | 155.0 s | met |", markdown, StringComparison.Ordinal);
        Assert.Contains("| harness overhead | overhead per scenario ≤ 1 s (p95) | ", markdown, StringComparison.Ordinal);
        Assert.Contains("| **NOT MET** |", markdown, StringComparison.Ordinal);
        var rows = markdown.Split('\n').SkipWhile(l => !l.StartsWith("| Scenario | Feature |", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.Equal(4, rows.Count);
        Assert.StartsWith("| long |", rows[0], StringComparison.Ordinal);
        Assert.Contains("| not measured | not measured | not measured | not measured | not measured |", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("| short \\| piped | Readiness | passed | 10.0 s | 5.0 s | 5.0 s | 2.0 s | 13.0 s | 2.0 s |", rows[2], StringComparison.Ordinal);
        Assert.Contains("| skipped | 1.0 s |", rows[3], StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_is_the_typed_model_and_reads_back()
    {
        // Given
        var benchmark = Sample();

        // When
        var json = BenchmarkWriter.Json(benchmark);

        // Then
        var node = JsonNode.Parse(json)!;
        Assert.Equal("1a2b3c4", (string?)node["commit"]);
        Assert.Equal(95.0, (double)node["suite"]!["wallSeconds"]!);
        Assert.Equal(benchmark.Suite.Summary, (string?)node["suite"]!["summary"]);
        Assert.Null(node["scenarios"]![1]!["overheadSeconds"]);
        Assert.False((bool)node["scenarios"]![1]!["measured"]!);
        var back = JsonSerializer.Deserialize<BenchmarkReport>(json, JsonReportWriter.Options)!;
        Assert.Equal(benchmark.Scenarios, back.Scenarios);
        Assert.Equal(benchmark.Suite.Targets, back.Suite.Targets);
    }

    [Fact]
    public void The_section_is_dated_and_names_commit_machine_summary_and_targets()
    {
        // Given an emulated and a k3s run
        var k3s = BenchmarkCalculator.Of([PhasedRecords.With("k", 60, backend: "k3s")], PhasedRecords.Suite("k3s"));

        // When
        var section = BenchmarkWriter.Section([Sample(), k3s], "1a2b3c4");

        // Then
        Assert.StartsWith("### 2026-11-20 · commit 1a2b3c4\n", section, StringComparison.Ordinal);
        Assert.Contains("**[emulated] emulated**, machine: runner-1, 16 cores, load 10.3 (8.1–12.4)", section, StringComparison.Ordinal);
        Assert.Contains("**k3s**, machine: runner-1, 16 cores, load not sampled", section, StringComparison.Ordinal);
        Assert.Contains($"{Sample().Suite.Summary}.", section, StringComparison.Ordinal);
        Assert.Contains("- suite wall: wall < 180 s: 60.0 s, limit 180.0 s: met", section, StringComparison.Ordinal);
    }
}
