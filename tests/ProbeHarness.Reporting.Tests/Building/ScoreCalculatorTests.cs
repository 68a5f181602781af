using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Building;

public sealed class ScoreCalculatorTests
{
    [Fact]
    public void Conformance_counts_judged_scenarios_and_timing_counts_bounded_timings()
    {
        // Given passed (1 bounded timing within), late (1 late), missed (1 missed), held (none), environment error, skipped
        var rows = Build(
            SampleRecords.Passed(),
            SampleRecords.FailedLateWithDiagnostics(),
            SampleRecords.Missed(),
            SampleRecords.HeldWithoutTiming(),
            SampleRecords.EnvironmentError(),
            SampleRecords.Skipped());

        // When
        var scores = ScoreCalculator.For(rows);

        // Then
        Assert.Equal((2, 4), (scores.Conformance.Numerator, scores.Conformance.Denominator));
        Assert.Equal("50.0 % (2/4)", scores.Conformance.Display);
        Assert.Equal((1, 3), (scores.Timing.Numerator, scores.Timing.Denominator));
        Assert.Contains("environment errors", scores.Conformance.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_judged_gives_no_ratio()
    {
        // Given
        var rows = Build(SampleRecords.EnvironmentError());

        // When
        var scores = ScoreCalculator.For(rows);

        // Then
        Assert.Null(scores.Conformance.Ratio);
        Assert.Equal("n/a (0/0)", scores.Timing.Display);
    }

    private static IReadOnlyList<ScenarioRow> Build(params ScenarioRecord[] records) =>
        new ReportBuilder().Build(new ReportInputs
        {
            Records = new RecordSet(records.Select(r => new LoadedRecord("x.json", r)).ToList(), []),
        }).Scenarios;
}
