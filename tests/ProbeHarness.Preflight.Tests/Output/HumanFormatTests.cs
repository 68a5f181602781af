using ProbeHarness.Preflight.Findings;
using ProbeHarness.Preflight.Output;
using ProbeHarness.Preflight.Tests.Samples;

namespace ProbeHarness.Preflight.Tests.Output;

public sealed class HumanFormatTests
{
    [Fact]
    public void A_table_row_per_finding_with_runtime_and_fix_under_it_and_the_counts_last()
    {
        // Given
        var result = PreflightRunner.Run(["samples/workloads.yml", "bad/no-kind.yaml"], Manifests.TestData());

        // When
        var lines = HumanFormat.Write(result, Severity.Warning).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Then
        Assert.StartsWith("SEVERITY  RULE   FILE:LINE", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("warning   PH001  samples/workloads.yml:38", StringComparison.Ordinal));
        var row = Array.FindIndex(lines, l => l.Contains("PH001", StringComparison.Ordinal));
        Assert.StartsWith("    at runtime: ", lines[row + 1], StringComparison.Ordinal);
        Assert.StartsWith("    fix: ", lines[row + 2], StringComparison.Ordinal);
        Assert.Contains("bad input: bad/no-kind.yaml: line 1, column 1: the document has no 'kind'", lines);
        Assert.Equal("preflight: 4 finding(s) (0 error, 2 warning, 2 note) in 2 file(s); 1 bad input error(s); bad input", lines[^1].TrimEnd());
    }

    [Fact]
    public void No_findings_print_only_the_closing_line()
    {
        // Given
        var result = PreflightRunner.RunText("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n", "s.yaml");

        // When
        var text = HumanFormat.Write(result, Severity.Warning);

        // Then
        Assert.Equal("preflight: 0 finding(s) (0 error, 0 warning, 0 note) in 1 file(s); nothing at or above warning", text.TrimEnd());
    }
}
