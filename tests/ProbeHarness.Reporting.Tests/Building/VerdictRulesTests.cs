using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Building;

public sealed class VerdictRulesTests
{
    public static TheoryData<string, ScenarioVerdict> Samples => new()
    {
        { "passed", ScenarioVerdict.WithinBound },
        { "late", ScenarioVerdict.Late },
        { "missed", ScenarioVerdict.Missed },
        { "environment", ScenarioVerdict.EnvironmentError },
        { "skipped", ScenarioVerdict.Skipped },
        { "held", ScenarioVerdict.Held },
        { "authoring", ScenarioVerdict.AuthoringError },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_gets_its_verdict(string sample, ScenarioVerdict expected)
    {
        // Given
        var record = sample switch
        {
            "passed" => SampleRecords.Passed(),
            "late" => SampleRecords.FailedLateWithDiagnostics(),
            "missed" => SampleRecords.Missed(),
            "environment" => SampleRecords.EnvironmentError(),
            "skipped" => SampleRecords.Skipped(),
            "authoring" => SampleRecords.AuthoringError(),
            _ => SampleRecords.HeldWithoutTiming(),
        };

        // When
        var (verdict, reason) = VerdictRules.Decide(record);

        // Then
        Assert.Equal(expected, verdict);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void An_early_reaction_is_a_false_positive_even_when_late_ones_exist()
    {
        // Given
        var record = SampleRecords.Passed() with
        {
            Outcome = "failed",
            Timings = [SampleRecords.Timing(ReactionMeasure.Kill, 35, 20, 31, TimingVerdict.Late), SampleRecords.Timing(ReactionMeasure.Restart, 4, 20, 36, TimingVerdict.Early)],
        };

        // When
        var (verdict, reason) = VerdictRules.Decide(record);

        // Then
        Assert.Equal(ScenarioVerdict.FalsePositive, verdict);
        Assert.Contains("fault→restart at 4.0 s", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_expectation_without_a_timing_problem_is_failed_and_names_the_expectation()
    {
        // Given
        var record = SampleRecords.HeldWithoutTiming() with
        {
            Outcome = "failed",
            Expectations = [new ExpectationRecord("restartCount stays 0", false, "restartCount is 1")],
        };

        // When
        var (verdict, reason) = VerdictRules.Decide(record);

        // Then
        Assert.Equal(ScenarioVerdict.Failed, verdict);
        Assert.Equal("restartCount stays 0", reason);
    }

    [Theory]
    [InlineData("Passed", ScenarioVerdict.WithinBound)]
    [InlineData("environment_error", ScenarioVerdict.EnvironmentError)]
    [InlineData("EnvironmentError", ScenarioVerdict.EnvironmentError)]
    [InlineData("exploded", ScenarioVerdict.EnvironmentError)]
    public void Outcome_words_are_read_tolerantly(string outcome, ScenarioVerdict expected)
    {
        // Given
        var record = SampleRecords.Passed() with { Outcome = outcome };

        // When
        var (verdict, _) = VerdictRules.Decide(record);

        // Then
        Assert.Equal(expected, verdict);
    }
}
