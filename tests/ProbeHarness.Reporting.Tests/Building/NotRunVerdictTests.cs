using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Building;

/// <summary>A test the run selected that left no result is "not run": a killed test host never leaves a green report.</summary>
public sealed class NotRunVerdictTests
{
    private const string Ran = "HTTP liveness: A failing /healthz restarts the container";
    private const string NeverRan = "HTTP liveness: A slow /healthz times out";

    [Fact]
    public void A_selected_test_without_a_record_or_a_trx_result_is_not_run_and_the_run_is_not_green()
    {
        // Given the host was killed after one of two selected scenarios (no TRX was written)
        var inputs = new ReportInputs
        {
            Records = Reports.Set(SampleRecords.Passed() with { TestName = Ran }),
            Selected = [Ran, NeverRan],
        };

        // When
        var report = new ReportBuilder().Build(inputs);

        // Then
        var row = report.Scenarios.Single(r => r.Verdict == ScenarioVerdict.NotRun);
        Assert.Equal(NeverRan, row.Scenario);
        Assert.Equal(1, report.Header.Counts.NotRun);
        Assert.False(report.Header.Counts.AllHeld);
        Assert.Equal((1, 1), (report.Scores.Conformance.Numerator, report.Scores.Conformance.Denominator));
    }

    [Fact]
    public void Selected_tests_the_trx_or_a_record_covers_are_not_marked()
    {
        // Given one test recorded (matched by title, as older records without a test name are), one skipped in the TRX
        var inputs = new ReportInputs
        {
            Records = Reports.Set(SampleRecords.Passed()),
            Selected = [Ran, "HTTP liveness: An ignored scenario"],
            Trx = new TrxSummary(2, 1, 0, 1, null, null, []) { SkippedTests = ["HTTP liveness: An ignored scenario"] },
        };

        // When
        var report = new ReportBuilder().Build(inputs);

        // Then
        Assert.DoesNotContain(report.Scenarios, r => r.Verdict == ScenarioVerdict.NotRun);
        Assert.True(report.Header.Counts.AllHeld);
    }
}
