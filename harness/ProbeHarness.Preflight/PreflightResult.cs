using ProbeHarness.Cluster.Manifests;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight;

/// <summary>What one preflight run found: the files it read, the findings, and the bad input it could not read.</summary>
/// <param name="Files">The files read, as findings name them.</param>
/// <param name="Findings">The findings, by file, line and rule.</param>
/// <param name="InputErrors">Bad input, each naming the file and (when known) the line.</param>
/// <param name="Containers">Every container checked, in file order.</param>
public sealed record PreflightResult(
    IReadOnlyList<string> Files,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ManifestException> InputErrors,
    IReadOnlyList<CheckedContainer> Containers)
{
    /// <summary>Exit code: nothing at or above the threshold.</summary>
    public const int Clean = 0;

    /// <summary>Exit code: a finding at or above the threshold.</summary>
    public const int FindingsAtThreshold = 1;

    /// <summary>Exit code: bad input (an unreadable file, not YAML, an unknown kind…).</summary>
    public const int BadInput = 2;

    /// <summary>The exit code: 2 on bad input, else 1 when a finding is at or above <paramref name="failOn"/>, else 0.</summary>
    public int ExitCode(Severity failOn) =>
        InputErrors.Count > 0 ? BadInput : Findings.Any(f => f.Severity >= failOn) ? FindingsAtThreshold : Clean;

    /// <summary>e.g. <c>3 findings (1 error, 1 warning, 1 note) in 2 files</c>.</summary>
    public string Summary()
    {
        var counts = string.Join(", ", new[] { Severity.Error, Severity.Warning, Severity.Note }.Select(s => $"{Findings.Count(f => f.Severity == s)} {s.Name()}"));
        var bad = InputErrors.Count > 0 ? $"; {InputErrors.Count} bad input error(s)" : string.Empty;
        return $"{Findings.Count} finding(s) ({counts}) in {Files.Count} file(s){bad}";
    }
}
