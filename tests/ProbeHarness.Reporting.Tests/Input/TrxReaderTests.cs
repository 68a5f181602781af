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
    public void Reads_a_trx_written_by_the_test_platform_for_xunit_v3()
    {
        // Given a TRX that Microsoft.Testing.Extensions.TrxReport wrote for an xunit v3 run (one passed, one failed, one skipped)
        var file = TestData.Folder("xunit-mtp.trx");

        // When
        var trx = TrxReader.Read(file);

        // Then
        Assert.Equal((3, 1, 1, 1), (trx.Total, trx.Passed, trx.Failed, trx.Skipped));
        var failed = Assert.Single(trx.FailedTests);
        Assert.Equal(("Feature1.Fails", "token: abc boom"), (failed.Name, failed.Message));
        Assert.True(trx.DurationSeconds is > 0 and < 1);
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
