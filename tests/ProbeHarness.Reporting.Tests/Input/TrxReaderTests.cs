using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Input;

public sealed class TrxReaderTests
{
    [Fact]
    public void Reads_counters_times_and_failed_tests()
    {
        // Given
        var file = TestData.Folder("run-k3s.trx");

        // When
        var trx = TrxReader.Read(file);

        // Then
        Assert.Equal((6, 1, 4, 1), (trx.Total, trx.Passed, trx.Failed, trx.Skipped));
        Assert.Equal(315, trx.DurationSeconds);
        Assert.Equal(2, trx.FailedTests.Count);
        Assert.Equal("Graceful shutdown: SIGTERM drains the pod", trx.FailedTests[1].Name);
        Assert.StartsWith("BeforeScenario hook failed", trx.FailedTests[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_trx_is_an_error_naming_file_and_line()
    {
        // Given
        using var temp = new TempFolder();
        var file = temp.Combine("bad.trx");
        File.WriteAllText(file, "<TestRun>\n  <Results>\n</TestRun>");

        // When
        var failure = Assert.Throws<ReportInputException>(() => TrxReader.Read(file));

        // Then
        Assert.StartsWith($"{file}:3:", failure.Message, StringComparison.Ordinal);
    }
}
