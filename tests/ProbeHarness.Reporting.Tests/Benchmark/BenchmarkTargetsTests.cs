using ProbeHarness.Reporting.Benchmark;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Benchmark;

/// <summary>The targets of the "suite speed" issue: emulated (wall ≤ 1.5 × longest + 20 s, overhead ≤ 1 s) and real (wall &lt; 180 s, overhead ≤ 3 s).</summary>
public sealed class BenchmarkTargetsTests
{
    private static readonly LongestScenario Longest = new("longest", "feature", 50);

    [Theory]
    [InlineData(95, 0.9, true, true)] // the wall exactly at 1.5 × 50 + 20
    [InlineData(95.1, 1.0, false, true)]
    [InlineData(60, 1.01, true, false)]
    public void Emulated_targets_are_judged_on_the_wall_against_the_longest_and_the_overhead_p95(double wall, double p95, bool wallMet, bool overheadMet)
    {
        // Given / When
        var targets = BenchmarkTargets.For(emulated: true, wall, Longest, new BenchmarkSpread(10, 0.2, p95, 4.2));

        // Then
        var (suite, overhead) = (targets[0], targets[1]);
        Assert.Equal(("suite wall", "wall ≤ 1.5 × longest scenario + 20 s", 95.0, wall, wallMet), (suite.Name, suite.Rule, suite.LimitSeconds, suite.MeasuredSeconds!.Value, suite.Met!.Value));
        Assert.Equal(("harness overhead", 1.0, p95, overheadMet), (overhead.Name, overhead.LimitSeconds, overhead.MeasuredSeconds!.Value, overhead.Met!.Value));
        Assert.Equal("max 4.2 s", overhead.Detail);
    }

    [Theory]
    [InlineData(179.9, 3.0, true, true)]
    [InlineData(180, 3.01, false, false)] // the wall must stay below 180 s
    public void Real_cluster_targets_are_a_wall_below_180_s_and_overhead_p95_at_most_3_s(double wall, double p95, bool wallMet, bool overheadMet)
    {
        // Given / When
        var targets = BenchmarkTargets.For(emulated: false, wall, Longest, new BenchmarkSpread(10, 0.5, p95, 5));

        // Then
        Assert.Equal(("wall < 180 s", 180.0, wallMet), (targets[0].Rule, targets[0].LimitSeconds, targets[0].Met!.Value));
        Assert.Equal(("overhead per scenario ≤ 3 s (p95)", 3.0, overheadMet), (targets[1].Rule, targets[1].LimitSeconds, targets[1].Met!.Value));
    }

    [Fact]
    public void A_run_on_a_real_backend_gets_the_real_targets_and_says_when_one_is_not_met()
    {
        // Given a k3s run whose two scenarios span 200 s
        var records = new[] { PhasedRecords.With("a", 100, backend: "k3s"), PhasedRecords.With("b", 120, startOffset: 80, backend: "k3s") };

        // When
        var suite = BenchmarkCalculator.ForSuite(records, PhasedRecords.Suite("k3s"));

        // Then
        Assert.False(suite.Emulated);
        var wall = suite.Targets[0];
        Assert.Equal((200.0, false), (wall.MeasuredSeconds!.Value, wall.Met!.Value));
        Assert.Equal("suite wall: wall < 180 s: 200.0 s, limit 180.0 s: NOT MET", BenchmarkText.Target(wall));
        Assert.Equal("harness overhead: overhead per scenario ≤ 3 s (p95): 20.0 s (max 20.0 s), limit 3.0 s: NOT MET", BenchmarkText.Target(suite.Targets[1]));
    }

    [Fact]
    public void Nothing_that_ran_cannot_be_judged()
    {
        // Given / When
        var targets = BenchmarkTargets.For(emulated: true, 0, null, null);

        // Then
        Assert.All(targets, t => Assert.Null(t.Met));
        Assert.All(targets, t => Assert.EndsWith(": not measured", BenchmarkText.Target(t), StringComparison.Ordinal));
    }
}
