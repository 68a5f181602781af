using ProbeHarness.Kubelet.KubeletLog;

namespace ProbeHarness.Kubelet.Tests.KubeletLog;

/// <summary>The timing check: pairing harness instants with kubelet lines, max and p95 errors, the threshold.</summary>
public sealed class KubeletLogComparisonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_instant_pairs_with_the_nearest_line_of_its_kind_for_its_pod()
    {
        // Given two failures of pod a, one of pod b, and a kill of pod a
        var log = Log(
            Line(1, KubeletEventKind.ProbeFailed, "a", 0.0),
            Line(2, KubeletEventKind.ProbeFailed, "a", 10.0),
            Line(3, KubeletEventKind.ProbeFailed, "b", 10.02),
            Line(4, KubeletEventKind.Killing, "a", 10.5));

        // When the harness says pod a first failed at 10.03 s
        var check = KubeletLogComparison.Of([Instant(KubeletEventKind.ProbeFailed, "a", 10.03)], log);

        // Then it is paired with pod a's line at 10 s (not b's nearer one, not the kill): error 0.03 s
        var pair = Assert.Single(check.Measures[0].Pairs);
        Assert.Equal(2, pair.Kubelet.Line);
        Assert.Equal(0.03, pair.ErrorSeconds, 6);
        Assert.True(check.Passed);
    }

    [Fact]
    public void Ready_changes_pair_only_with_lines_of_the_same_new_value()
    {
        // Given Ready turning False at 5 s and True at 5.05 s
        var log = Log(
            Line(1, KubeletEventKind.ReadyChanged, "a", 5.0) with { Ready = false },
            Line(2, KubeletEventKind.ReadyChanged, "a", 5.05) with { Ready = true });

        // When the harness saw Ready=False at 5.06 s
        var check = KubeletLogComparison.Of([Instant(KubeletEventKind.ReadyChanged, "a", 5.06) with { Ready = false }], log);

        // Then it is paired with the False line, 0.06 s off
        var pair = Assert.Single(check.Measures[2].Pairs);
        Assert.Equal(1, pair.Kubelet.Line);
        Assert.Equal(0.06, pair.ErrorSeconds, 6);
    }

    [Fact]
    public void A_Ready_change_is_compared_with_when_the_kubelet_decided_not_with_its_late_patch()
    {
        // Given a Ready=True patch logged 2.16 s after the start of its lastTransitionTime second (the status manager was slow)
        var log = Log(Line(1, KubeletEventKind.ReadyChanged, "a", 4.162) with { Ready = true, LastTransitionTime = T0.AddSeconds(2) });

        // When the harness's instant inside that second, and one after it, are compared
        var inside = KubeletLogComparison.Of([Instant(KubeletEventKind.ReadyChanged, "a", 2.5) with { Ready = true }], log);
        var after = KubeletLogComparison.Of([Instant(KubeletEventKind.ReadyChanged, "a", 3.4) with { Ready = true }], log);

        // Then the first is no error, the second 0.4 s past the decision's second, and the table shows the patch's delay apart
        Assert.Equal(0, inside.Measures[2].Pairs[0].ErrorSeconds);
        Assert.Equal(0.4, after.Measures[2].Pairs[0].SignedErrorSeconds, 6);
        Assert.Contains("the kubelet's patch line came 2.162 s to 2.162 s after the start of the transition's second", inside.ToMarkdown("test"), StringComparison.Ordinal);
    }

    [Fact]
    public void Max_and_p95_are_per_measure_with_the_worst_pair_named()
    {
        // Given twenty kills, 0.001 s … 0.020 s off, pods k1 … k20
        var lines = Enumerable.Range(1, 20).Select(i => Line(i, KubeletEventKind.Killing, $"k{i}", i * 10.0)).ToArray();
        var instants = Enumerable.Range(1, 20).Select(i => Instant(KubeletEventKind.Killing, $"k{i}", (i * 10.0) + (i / 1000.0))).ToList();

        // When they are compared
        var kill = KubeletLogComparison.Of(instants, Log(lines)).Measures[1];

        // Then the max is 0.020 s, the p95 (19th of 20) 0.019 s, and the worst pair is pod k20's
        Assert.Equal("kill", kill.Name);
        Assert.Equal(20, kill.Pairs.Count);
        Assert.Equal(0.020, kill.MaxPreciseErrorSeconds!.Value, 6);
        Assert.Equal(0.019, kill.P95ErrorSeconds!.Value, 6);
        Assert.Equal("k20", kill.Worst!.Harness.Pod);
    }

    [Fact]
    public void A_precise_instant_off_by_more_than_the_threshold_fails_the_check_and_the_table_says_which_measure()
    {
        // Given a kill the harness states to ±0.05 s but puts 0.9 s early, and a first failure 0.01 s late
        var log = Log(Line(1, KubeletEventKind.ProbeFailed, "a", 3.0), Line(2, KubeletEventKind.Killing, "a", 9.9));
        HarnessInstant[] instants =
        [
            Instant(KubeletEventKind.ProbeFailed, "a", 3.01),
            Instant(KubeletEventKind.Killing, "a", 9.0) with { PrecisionSeconds = 0.05 },
        ];

        // When they are compared with the default 0.1 s
        var check = KubeletLogComparison.Of(instants, log);
        var table = check.ToMarkdown("test");

        // Then the check fails on the kill only, and the table shows the error and the bias
        Assert.False(check.Passed);
        Assert.Equal("kill", Assert.Single(check.Exceeding).Name);
        Assert.Contains("| kill | 1 | 0 | 1 | 0.900 s ❌ | 0.900 s | 0 | — | 1 ❌ | −0.900 s |", table, StringComparison.Ordinal);
        Assert.Contains("FAIL: kill 0.900 s > 0.100 s", table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coarse_instant_is_held_to_its_own_stated_precision_not_to_the_threshold()
    {
        // Given an exec probe's first failure known only to the second (±0.5 s), 0.4 s from the kubelet's line
        var log = Log(Line(1, KubeletEventKind.ProbeFailed, "a", 3.9));

        // When it is compared
        var check = KubeletLogComparison.Of([Instant(KubeletEventKind.ProbeFailed, "a", 3.5) with { PrecisionSeconds = 0.5 }], log);

        // Then it passes as coarse, counted apart from the precise ones
        Assert.True(check.Passed, check.Summary());
        Assert.Single(check.Measures[0].Coarse);
        Assert.Empty(check.Measures[0].Precise);
        Assert.Contains("0 precise, largest error 0.000 s ≤ 0.100 s; 1 coarse, each within its stated precision", check.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_coarse_instant_whose_line_lies_outside_its_stated_interval_fails_as_contradicted()
    {
        // Given a Ready change stated as ±0.3 s whose kubelet line is 0.6 s away
        var log = Log(Line(1, KubeletEventKind.ReadyChanged, "a", 5.6) with { Ready = false });

        // When it is compared
        var check = KubeletLogComparison.Of([Instant(KubeletEventKind.ReadyChanged, "a", 5.0) with { Ready = false, PrecisionSeconds = 0.3 }], log);

        // Then the stated precision is not true, and the check says so
        Assert.False(check.Passed);
        Assert.Single(check.Measures[2].Contradicted);
        Assert.Contains("ready-change: 1 instant(s) off by more than their stated precision (worst 0.300 s beyond it)", check.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void Instants_without_a_line_are_unpaired_and_nothing_paired_fails()
    {
        // Given a log with nothing about pod z
        var log = Log(Line(1, KubeletEventKind.Killing, "a", 1));

        // When the harness has a kill of pod z
        var check = KubeletLogComparison.Of([Instant(KubeletEventKind.Killing, "z", 1)], log);

        // Then it is unpaired, listed, and the check fails for having compared nothing
        Assert.Single(check.Measures[1].Unpaired);
        Assert.False(check.Passed);
        Assert.Contains("- kill: scenario — ns/z at 13:00:01.000000", check.ToMarkdown("test"), StringComparison.Ordinal);
        Assert.StartsWith("FAIL: nothing to compare", check.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_measure_the_log_has_no_line_for_fails_as_unchecked()
    {
        // Given a log with probe failures but no Ready lines (a kubelet below V(3) for status_manager.go)
        var log = Log(Line(1, KubeletEventKind.ProbeFailed, "a", 1));

        // When the harness has a first failure and a Ready change of that pod
        var check = KubeletLogComparison.Of([Instant(KubeletEventKind.ProbeFailed, "a", 1), Instant(KubeletEventKind.ReadyChanged, "a", 3)], log);

        // Then the first failure checks out but the Ready change is unchecked, which fails the check
        Assert.Equal("ready-change", Assert.Single(check.Unchecked).Name);
        Assert.False(check.Passed);
        Assert.Contains("ready-change (1 instant(s)) unchecked", check.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_threshold_is_inclusive()
    {
        // Given an error of exactly 0.1 s (in whole microseconds)
        var log = Log(Line(1, KubeletEventKind.ProbeFailed, "a", 1));

        // When it is compared
        var check = KubeletLogComparison.Of([Instant(KubeletEventKind.ProbeFailed, "a", 1.1)], log);

        // Then it passes
        Assert.True(check.Passed, check.Summary());
    }

    [Fact]
    public void A_Ready_change_pairs_with_the_patch_whose_decision_holds_it_not_an_earlier_line_nearer_in_time()
    {
        // Given the pod's first Ready=False (decided in second 23, logged at 25.17) and the crash's (decided in 26, logged
        // 2.8 s late at 28.78), as a real v1.20 kubelet wrote them
        var log = Log(
            Line(540, KubeletEventKind.ReadyChanged, "a", 25.173) with { Ready = false, LastTransitionTime = T0.AddSeconds(23) },
            Line(579, KubeletEventKind.ReadyChanged, "a", 28.779) with { Ready = false, LastTransitionTime = T0.AddSeconds(26) });

        // When the harness saw the crash's Ready=False at 26.56 s
        var check = KubeletLogComparison.Of([Instant(KubeletEventKind.ReadyChanged, "a", 26.561) with { Ready = false }], log);

        // Then it pairs with the crash's line, inside its decision second
        var pair = Assert.Single(check.Measures[2].Pairs);
        Assert.Equal((579, 0.0), (pair.Kubelet.Line, pair.ErrorSeconds));
    }

    private static KubeletLogContents Log(params KubeletLogEntry[] entries) => new(entries, [], entries.Length);

    private static KubeletLogEntry Line(int line, KubeletEventKind kind, string pod, double seconds) =>
        new(line, T0.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond)), kind, "ns", pod);

    private static HarnessInstant Instant(KubeletEventKind kind, string pod, double seconds) =>
        new("scenario", "ns", pod, kind, T0.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond)));
}
