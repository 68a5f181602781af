using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Reporting.Benchmark;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Benchmark;

/// <summary>Per scenario: floor, wait, reaction and overhead from the phases; for the suite: wall, sums, spreads and who is left out.</summary>
public sealed class BenchmarkCalculatorTests
{
    [Fact]
    public void The_floor_of_a_window_wait_is_its_start_plus_its_window_after_the_setup()
    {
        // Given a 5 s setup, 20 s of steps and a "for 10 s" window from 8 s that ended at 18 s
        var record = PhasedRecords.With("window", 27, setup: 5, steps: 20, waits: [new WaitRecord(8, 18, 10)]);

        // When
        var benchmark = BenchmarkCalculator.ForScenario(record);

        // Then the last expectation could not hold before 18 s, 13 s into the steps; the harness added the other 7 s
        Assert.True(benchmark.Measured);
        Assert.Equal(5, benchmark.SetupSeconds);
        Assert.Equal(13, benchmark.FloorSeconds!.Value, 9);
        Assert.Equal(10, benchmark.WaitSeconds!.Value, 9);
        Assert.Equal(0, benchmark.ReactionSeconds!.Value, 9);
        Assert.Equal(7, benchmark.OverheadSeconds!.Value, 9);
        Assert.Equal(2, benchmark.TeardownSeconds);
    }

    [Fact]
    public void The_floor_of_a_bounded_timing_is_its_reference_instant_plus_its_earliest_bound()
    {
        // Given a fault at 6 s, a kill 22 s later allowed from 20 s, and a wait for it from 6 s to 29 s
        var record = PhasedRecords.With("timing", 37, setup: 5, steps: 30, waits: [new WaitRecord(6, 29, null)]);
        record = record with
        {
            Timings =
            [
                PhasedRecords.Bounded(record.StartedAt, referenceAt: 6, measured: 22, boundMin: 20),

                // an unbounded timing and a bounded one without its instant set no floor
                PhasedRecords.Bounded(record.StartedAt, referenceAt: 6, measured: 40, boundMin: 30) with { Verdict = TimingVerdict.Unbounded },
                PhasedRecords.Bounded(record.StartedAt, referenceAt: 6, measured: 40, boundMin: 30) with { OccurredAt = null },
            ],
        };

        // When
        var benchmark = BenchmarkCalculator.ForScenario(record);

        // Then the kill could not come before 26 s, 21 s into the steps: 2 s of the wait were the cluster's, 7 s the harness's
        Assert.Equal(21, benchmark.FloorSeconds!.Value, 9);
        Assert.Equal(23, benchmark.WaitSeconds!.Value, 9);
        Assert.Equal(2, benchmark.ReactionSeconds!.Value, 9);
        Assert.Equal(7, benchmark.OverheadSeconds!.Value, 9);
    }

    [Theory]
    [InlineData(1, 2, 0)] // a window that ended inside the setup: not below 0
    [InlineData(20, 30, 20)] // a window past the last step: not above the steps
    [InlineData(10, 5, 10)]
    public void The_floor_is_clamped_to_the_steps(double start, double window, double expected)
    {
        // Given a 5 s setup and 20 s of steps
        var record = PhasedRecords.With("clamped", 27, setup: 5, steps: 20, waits: [new WaitRecord(start, start + window, window)]);

        // When
        var floor = BenchmarkCalculator.ForScenario(record).FloorSeconds;

        // Then
        Assert.Equal(expected, floor!.Value, 9);
    }

    [Fact]
    public void Without_a_window_or_bounded_timing_the_floor_is_0_and_the_overhead_is_what_the_waits_leave()
    {
        // Given 20 s of steps, 12 s of them waiting
        var record = PhasedRecords.With("no floor", 27, setup: 5, steps: 20, waits: [new WaitRecord(5, 17, null)]);

        // When
        var benchmark = BenchmarkCalculator.ForScenario(record);

        // Then
        Assert.Equal(0, benchmark.FloorSeconds);
        Assert.Equal(12, benchmark.ReactionSeconds!.Value, 9);
        Assert.Equal(8, benchmark.OverheadSeconds!.Value, 9);
    }

    [Fact]
    public void Overlapping_waits_count_once_and_only_inside_the_steps()
    {
        // Given steps from 5 s to 25 s and waits that overlap, start in the setup and end after the last step
        var phases = new ScenarioPhases
        {
            NamespaceSeconds = 1,
            SetupSeconds = 5,
            StepsSeconds = 20,
            TeardownSeconds = 1,
            Waits = [new(6, 10, null), new(8, 14, null), new(20, 22, null), new(3, 7, null), new(24, 40, null), new(9, 9, null)],
        };

        // When
        var wait = BenchmarkCalculator.WaitSeconds(phases);

        // Then [5, 14] + [20, 22] + [24, 25]
        Assert.Equal(12, wait, 9);
    }

    [Fact]
    public void A_record_without_phases_is_not_measured_never_zero()
    {
        // Given a record of an older run
        var record = SampleRecords.Passed("emulated");

        // When
        var scenario = BenchmarkCalculator.ForScenario(record);
        var suite = BenchmarkCalculator.ForSuite([record, PhasedRecords.With("measured", 30)], null);

        // Then every phase figure is unknown, and the suite's statistics come from the measured scenario alone
        Assert.False(scenario.Measured);
        Assert.All(
            new[] { scenario.SetupSeconds, scenario.StepsSeconds, scenario.WaitSeconds, scenario.FloorSeconds, scenario.ReactionSeconds, scenario.OverheadSeconds, scenario.TeardownSeconds },
            Assert.Null);
        Assert.Equal(48.2, scenario.DurationSeconds);
        Assert.Equal((1, 1, 0), (suite.Measured, suite.NotMeasured, suite.Skipped));
        Assert.Equal(1, suite.Overhead!.Count);
        Assert.Equal(48.2 + 30, suite.SumSeconds, 9);
    }

    [Fact]
    public void Nothing_measured_leaves_the_spreads_and_the_overhead_target_unknown()
    {
        // Given only records without phases
        var suite = BenchmarkCalculator.ForSuite([SampleRecords.Passed("emulated")], null);

        // Then
        Assert.Null(suite.Overhead);
        Assert.Null(suite.Setup);
        Assert.Null(suite.Teardown);
        Assert.Null(suite.Targets.Single(t => t.Name == "harness overhead").Met);
        Assert.EndsWith("harness overhead not measured", suite.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipped_scenarios_are_counted_but_left_out_of_wall_sums_and_statistics()
    {
        // Given two scenarios that ran and a skipped one, long and late, with phases
        var skipped = PhasedRecords.With("skipped", 500, startOffset: 300, steps: 400) with { Outcome = "skipped" };
        var records = new[] { PhasedRecords.With("a", 40), PhasedRecords.With("b", 50, startOffset: 10), skipped };

        // When
        var suite = BenchmarkCalculator.ForSuite(records, null);

        // Then
        Assert.Equal((3, 2, 0, 1), (suite.Scenarios, suite.Measured, suite.NotMeasured, suite.Skipped));
        Assert.Equal(60, suite.WallSeconds, 9);
        Assert.Equal(90, suite.SumSeconds, 9);
        Assert.Equal("b", suite.Longest!.Scenario);
        Assert.Equal(2, suite.Overhead!.Count);
        Assert.True(BenchmarkCalculator.ForScenario(skipped).Skipped);
    }

    [Fact]
    public void The_suite_has_wall_critical_path_concurrency_spreads_and_load()
    {
        // Given two scenarios (overhead 20 s of steps minus 12 s and 15 s of waits) and a suite file with three load samples
        var records = new[]
        {
            PhasedRecords.With("a", 40, waits: [new WaitRecord(5, 17, null)]),
            PhasedRecords.With("b", 50, startOffset: 10, setup: 7, teardown: 3, waits: [new WaitRecord(7, 22, null)]),
        };
        var run = PhasedRecords.Suite("emulated", 8.1, 10.3, 12.4);

        // When
        var suite = BenchmarkCalculator.ForSuite(records, run);

        // Then
        Assert.Equal(("emulated", true, "runner-1", 16, 16), (suite.Backend, suite.Emulated, suite.Host, suite.ProcessorCount, suite.ConcurrencyCap));
        Assert.Equal(60, suite.WallSeconds, 9);
        Assert.Equal(104, suite.Run!.Seconds, 9);
        Assert.Equal((3, 1.5), (suite.Run.BackendStartSeconds, suite.Run.BackendStopSeconds));
        Assert.Equal(("b", 50.0), (suite.Longest!.Scenario, suite.Longest.Seconds));
        Assert.Equal(1.5, suite.Concurrency!.Value, 9);
        Assert.Equal((6.5, 7.85, 8.0), (suite.Overhead!.Median, suite.Overhead.P95, suite.Overhead.Max));
        Assert.Equal((6.0, 7.0), (suite.Setup!.Median, suite.Setup.Max));
        Assert.Equal((3, 8.1, 12.4), (suite.Load!.Samples, suite.Load.Min, suite.Load.Max));
        Assert.Equal(10.2667, suite.Load.Mean, 4);
        Assert.Equal(run.StartedAt, suite.StartedAt);
        Assert.Equal("Suite: 60 s wall, longest scenario 50 s, sum 90 s, 1.5 at once (cap 16), load 10.3 (8.1–12.4), harness overhead p95 7.9 s", suite.Summary);
    }

    [Fact]
    public void Without_a_suite_file_the_cap_and_run_span_are_unknown_and_the_load_not_sampled()
    {
        // Given
        var suite = BenchmarkCalculator.ForSuite([PhasedRecords.With("a", 40)], null);

        // Then
        Assert.Null(suite.ConcurrencyCap);
        Assert.Null(suite.Run);
        Assert.Null(suite.Load);
        Assert.Equal("Suite: 40 s wall, longest scenario 40 s, sum 40 s, 1.0 at once, load not sampled, harness overhead p95 20.0 s", suite.Summary);
    }

    [Fact]
    public void The_scenarios_are_listed_longest_first()
    {
        // Given
        var records = new[] { PhasedRecords.With("short", 10), SampleRecords.Passed("emulated"), PhasedRecords.With("long", 90) };

        // When
        var benchmark = BenchmarkCalculator.Of(records, null);

        // Then
        Assert.Equal(["long", SampleRecords.Passed().Scenario, "short"], benchmark.Scenarios.Select(s => s.Scenario));
    }
}
