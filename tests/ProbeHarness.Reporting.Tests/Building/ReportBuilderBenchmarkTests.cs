using ProbeHarness.Reporting.Benchmark;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Building;

/// <summary>The report header's benchmark: present when the results hold a suite file or records with phases, from the one calculator.</summary>
public sealed class ReportBuilderBenchmarkTests
{
    [Fact]
    public void Records_without_phases_and_no_suite_file_give_no_benchmark()
    {
        // Given / When
        var report = Reports.Mixed();

        // Then
        Assert.Null(report.Header.Benchmark);
    }

    [Fact]
    public void Records_with_phases_give_the_calculators_benchmark()
    {
        // Given
        var records = new[] { PhasedRecords.With("a", 40), PhasedRecords.With("b", 50, startOffset: 10), SampleRecords.Passed("emulated") };

        // When
        var report = Reports.From(records);

        // Then
        Assert.NotNull(report.Header.Benchmark);
        var expected = BenchmarkCalculator.ForSuite(records, null);
        Assert.Equal(expected.Summary, report.Header.Benchmark.Summary);
        Assert.Equal((2, 1), (report.Header.Benchmark.Measured, report.Header.Benchmark.NotMeasured));
    }

    [Fact]
    public void A_suite_file_alone_gives_a_benchmark_with_its_cap_and_load()
    {
        // Given records of an older step library, and the suite file
        var inputs = new ReportInputs { Records = Reports.Set(SampleRecords.Passed("emulated")), Suite = PhasedRecords.Suite("emulated", 2, 4) };

        // When
        var report = new ReportBuilder().Build(inputs);

        // Then
        Assert.Equal(
            "Suite: 48 s wall, longest scenario 48 s, sum 48 s, 1.0 at once (cap 16), load 3.0 (2.0–4.0), harness overhead not measured",
            report.Header.Benchmark!.Summary);
    }
}
