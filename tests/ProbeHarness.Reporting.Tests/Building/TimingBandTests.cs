using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Building;

public sealed class TimingBandTests
{
    [Fact]
    public void Each_band_is_scaled_to_the_latest_its_window_allows()
    {
        // Given a kill in [20, 31] s with 1 s of jitter, measured at 22.4 s
        var row = Reports.From(SampleRecords.Passed()).Scenarios[0];

        // When
        var band = Assert.Single(TimingBand.Of([row]));

        // Then the scale is max + jitter, and the headroom the distance to the earliest (2.4 s) over it
        Assert.Equal(32, band.Scale);
        Assert.Equal(2.4 / 32, band.Headroom, 9);
    }

    [Fact]
    public void An_earliest_of_zero_is_no_edge_and_a_missed_reaction_has_no_headroom()
    {
        // Given an exit 0.1 s after the kill in [0, 1] + 1 s, and a kill that never came
        var exit = SampleRecords.Timing(ReactionMeasure.Exit, 0.1, 0, 1, TimingVerdict.WithinBound, TimingReference.Kill, jitter: 1);
        var rows = Reports.From(SampleRecords.Passed() with { Timings = [exit] }, SampleRecords.Missed()).Scenarios;

        // When
        var bands = TimingBand.Of(rows);

        // Then
        Assert.Equal(double.NegativeInfinity, bands[0].Headroom);
        Assert.Equal((2 - 0.1) / 2, bands[1].Headroom, 9);
    }

    [Fact]
    public void Bands_come_closest_to_an_edge_first_and_only_judged_timings_count()
    {
        // Given a kill well inside its window, one near its latest, a late endpoint change, a missed kill and an unbounded Ready
        var rows = Reports.From(
            SampleRecords.Passed(killAt: 24),
            SampleRecords.Passed(killAt: 31.5, offsetMinutes: 1) with { Scenario = "near the edge" },
            SampleRecords.FailedLateWithDiagnostics(),
            SampleRecords.Missed()).Scenarios;

        // When
        var bands = TimingBand.Of(rows);

        // Then
        Assert.Equal(
            [(TimingVerdict.Missed, 51.0), (TimingVerdict.Late, 24.9), (TimingVerdict.WithinBound, 31.5), (TimingVerdict.WithinBound, 24.0)],
            bands.Select(b => (b.Timing.Verdict, b.Timing.MeasuredSeconds ?? b.Timing.BoundMaxSeconds!.Value)));
        Assert.All(bands, b => Assert.True(b.Timing.IsBounded));
        Assert.Equal(rows.Select((r, i) => (r, i)).Single(x => x.r.Scenario == "near the edge").i, bands[2].ScenarioIndex);
    }
}
