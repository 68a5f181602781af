using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Building;

public sealed class TrendCalculatorTests
{
    [Fact]
    public void Two_runs_give_percentiles_of_measured_over_bound()
    {
        // Given a first night killing at 22.4 s and a second at 27.9 s, bound 31 s
        var first = Reports.From(SampleRecords.Passed(killAt: 22.4));

        // When
        var second = new ReportBuilder().Build(new ReportInputs
        {
            Records = Reports.Set(SampleRecords.Passed(killAt: 27.9, offsetMinutes: 1440)),
            PreviousHistory = first.History,
        });

        // Then
        var trend = second.Scenarios[0].Trend!;
        Assert.Equal(2, trend.Runs);
        var kill = Assert.Single(trend.Timings);
        Assert.Equal("pod 1 fault→kill", kill.Name);
        Assert.Equal(2, kill.Samples);
        Assert.Equal(((22.4 / 31) + (27.9 / 31)) / 2, kill.P50, 6);
        Assert.Equal((22.4 / 31) + (0.95 * ((27.9 - 22.4) / 31)), kill.P95, 6);
        Assert.False(second.Scenarios[0].VerdictChanged);
    }

    [Fact]
    public void A_changed_verdict_is_flagged_with_the_previous_one()
    {
        // Given the first night within bound, the second late
        var first = Reports.From(SampleRecords.Passed(killAt: 22.4));

        // When
        var second = new ReportBuilder().Build(new ReportInputs
        {
            Records = Reports.Set(SampleRecords.Passed(killAt: 33, offsetMinutes: 1440)),
            PreviousHistory = first.History,
        });

        // Then
        var row = second.Scenarios[0];
        Assert.Equal(ScenarioVerdict.Late, row.Verdict);
        Assert.True(row.VerdictChanged);
        Assert.Equal("within-bound", row.Trend!.PreviousVerdict);
    }

    [Fact]
    public void Trends_accumulate_across_three_runs_and_ignore_other_backends()
    {
        // Given k3s, then an emulated run, then k3s again: the emulated run must not enter the k3s trend
        var first = Reports.From(SampleRecords.Passed(killAt: 21));
        var emulated = new ReportBuilder().Build(new ReportInputs
        {
            Records = Reports.Set(SampleRecords.Passed("emulated", killAt: 30)),
            PreviousHistory = first.History,
        });
        var second = new ReportBuilder().Build(new ReportInputs
        {
            Records = Reports.Set(SampleRecords.Passed(killAt: 23)),
            PreviousHistory = emulated.History,
        });

        // When
        var third = new ReportBuilder().Build(new ReportInputs
        {
            Records = Reports.Set(SampleRecords.Passed(killAt: 25)),
            PreviousHistory = second.History,
        });

        // Then
        Assert.Equal(4, third.History.Count);
        var trend = third.Scenarios[0].Trend!;
        Assert.Equal(3, trend.Runs);
        Assert.Equal(23 / 31.0, trend.Timings.Single().P50, 6);
    }

    [Fact]
    public void A_scenario_new_in_this_run_has_no_previous_verdict()
    {
        // Given
        var first = Reports.From(SampleRecords.Passed());

        // When
        var second = new ReportBuilder().Build(new ReportInputs { Records = Reports.Set(SampleRecords.Missed()), PreviousHistory = first.History });

        // Then
        var row = second.Scenarios.Single();
        Assert.Null(row.Trend!.PreviousVerdict);
        Assert.Equal(1, row.Trend.Runs);
        Assert.False(row.VerdictChanged);
    }
}
