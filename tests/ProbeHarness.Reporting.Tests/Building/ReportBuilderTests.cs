using Microsoft.Extensions.Time.Testing;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Building;

public sealed class ReportBuilderTests
{
    [Fact]
    public void One_row_per_record_with_verdict_timings_and_header_counts()
    {
        // Given / When
        var report = Reports.Mixed();

        // Then
        Assert.Equal(6, report.Scenarios.Count);
        var counts = report.Header.Counts;
        Assert.Equal((6, 2, 2, 1, 1), (counts.Total, counts.Held, counts.NotHeld, counts.EnvironmentErrors, counts.Skipped));
        Assert.Equal(1, counts.ByVerdict["late"]);
        Assert.False(counts.AllHeld);
        Assert.Equal(["k3s"], report.Header.Backends);
        Assert.False(report.Header.Emulated);
        Assert.Equal("runner-1", report.Header.Host);
        Assert.Equal(SampleRecords.RunStart, report.Header.StartedAt);

        var passed = report.Scenarios.Single(r => r.Scenario == "A failing /healthz restarts the container");
        Assert.Equal(ScenarioVerdict.WithinBound, passed.Verdict);
        Assert.Equal("pod 1 fault→kill", passed.Action?.Name);
        Assert.Null(passed.Detection);
        Assert.Equal("pod 1 recovery→ready", passed.Recovery?.Name);
        Assert.Equal("features/liveness/http-liveness.feature :: A failing /healthz restarts the container", passed.Key);
        Assert.StartsWith("timelines/", passed.TimelineImage, StringComparison.Ordinal);
        Assert.Null(passed.Diagnostics);
    }

    [Fact]
    public void Diagnostics_are_kept_for_failed_scenarios_only()
    {
        // Given / When
        var report = Reports.Mixed();

        // Then
        Assert.NotNull(report.Scenarios.Single(r => r.Verdict == ScenarioVerdict.Late).Diagnostics);
        Assert.NotNull(report.Scenarios.Single(r => r.Verdict == ScenarioVerdict.Missed).Diagnostics);
        Assert.All(report.Scenarios.Where(r => r.Verdict.Holds()), r => Assert.Null(r.Diagnostics));
    }

    [Fact]
    public void Emulated_records_mark_the_header_and_every_row()
    {
        // Given / When
        var report = Reports.Emulated();

        // Then
        Assert.True(report.Header.Emulated);
        Assert.StartsWith("EMULATED", report.Header.Banner, StringComparison.Ordinal);
        Assert.All(report.Scenarios, r => Assert.Equal("[emulated]", r.Label));
    }

    [Fact]
    public void A_failed_test_without_a_record_becomes_an_environment_error_row()
    {
        // Given the TRX names a failed test no record covers, and one that a record covers
        var records = Reports.Set(SampleRecords.Passed() with { Scenario = "A failing /ready takes the pod out of the EndpointSlice" });
        var trx = TrxReader.Read(TestData.Folder("run-k3s.trx"));

        // When
        var report = new ReportBuilder().Build(new ReportInputs { Records = records, Trx = trx });

        // Then
        Assert.Equal(2, report.Scenarios.Count);
        var orphan = report.Scenarios[1];
        Assert.Equal("Graceful shutdown: SIGTERM drains the pod", orphan.Scenario);
        Assert.Equal(ScenarioVerdict.EnvironmentError, orphan.Verdict);
        Assert.DoesNotContain("sk-live-0123456789abcdef", orphan.Message, StringComparison.Ordinal);
        Assert.Equal(315, report.Header.DurationSeconds);
    }

    [Fact]
    public void Passed_tests_without_a_record_are_named_as_a_problem()
    {
        // Given the TRX names a passed test that left no record
        var records = Reports.Set(SampleRecords.Missed());
        var trx = TrxReader.Read(TestData.Folder("run-k3s.trx"));

        // When
        var report = new ReportBuilder().Build(new ReportInputs { Records = records, Trx = trx });

        // Then
        var problem = Assert.Single(report.Header.Problems);
        Assert.Equal("1 passed test(s) left no scenario record, so the report does not show them: HTTP liveness probe: A failing /healthz restarts the container after 3 failures", problem);
    }

    [Fact]
    public void A_failed_outline_example_matches_its_record_by_the_title_before_the_example_values()
    {
        // Given the record of an outline row and the TRX display name of the same row
        var record = SampleRecords.Passed() with { Outcome = "failed", Scenario = "Probe kinds restart the container (kind=exec, period=5)" };
        var trx = new TrxSummary(1, 0, 1, 0, null, null, [new TrxFailedTest("HTTP liveness probe: Probe kinds restart the container [exec, 5]", "boom")]);

        // When
        var report = new ReportBuilder().Build(new ReportInputs { Records = Reports.Set(record), Trx = trx });

        // Then
        Assert.Single(report.Scenarios);
    }

    [Fact]
    public void With_no_records_the_header_names_the_requested_backend_and_the_clock_time()
    {
        // Given
        var now = new DateTimeOffset(2026, 11, 21, 4, 0, 0, TimeSpan.Zero);

        // When
        var report = new ReportBuilder(new FakeTimeProvider(now)).Build(new ReportInputs { Records = Reports.Set(), Backend = "emulated" });

        // Then
        Assert.Equal(["emulated"], report.Header.Backends);
        Assert.True(report.Header.Emulated);
        Assert.Equal(now, report.Header.StartedAt);
        Assert.Empty(report.Scenarios);
    }

    [Fact]
    public void The_suite_wall_time_given_by_the_caller_wins()
    {
        // Given
        var inputs = new ReportInputs { Records = Reports.Set(SampleRecords.Passed()), SuiteWallSeconds = 123.4 };

        // When
        var report = new ReportBuilder().Build(inputs);

        // Then
        Assert.Equal(123.4, report.Header.DurationSeconds);
        Assert.Equal(48.2, report.Scenarios[0].DurationSeconds);
    }

    [Fact]
    public void The_current_run_is_appended_to_the_history()
    {
        // Given
        var previous = Reports.From(SampleRecords.Passed()).History;

        // When
        var report = new ReportBuilder().Build(new ReportInputs { Records = Reports.Set(SampleRecords.Passed()), PreviousHistory = previous });

        // Then
        Assert.Equal(2, report.History.Count);
        Assert.Same(previous[0], report.History[0]);
        Assert.NotNull(report.Scenarios[0].Trend);
    }
}
