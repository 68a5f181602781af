namespace ProbeHarness.Reporting.Input;

/// <summary>What a TRX file says about a test run.</summary>
/// <param name="Total">Tests in the run.</param>
/// <param name="Passed">Tests that passed.</param>
/// <param name="Failed">Tests that failed (failed, error, timeout, aborted).</param>
/// <param name="Skipped">Tests not executed.</param>
/// <param name="Start">When the run started, when recorded.</param>
/// <param name="Finish">When the run finished, when recorded.</param>
/// <param name="FailedTests">The failed tests with their messages.</param>
public sealed record TrxSummary(
    int Total,
    int Passed,
    int Failed,
    int Skipped,
    DateTimeOffset? Start,
    DateTimeOffset? Finish,
    IReadOnlyList<TrxFailedTest> FailedTests)
{
    /// <summary>The names of the tests that passed.</summary>
    public IReadOnlyList<string> PassedTests { get; init; } = [];

    /// <summary>The names of the tests not executed (skipped).</summary>
    public IReadOnlyList<string> SkippedTests { get; init; } = [];

    /// <summary>Wall time of the run in seconds, when both ends were recorded.</summary>
    public double? DurationSeconds => Start is { } start && Finish is { } finish ? (finish - start).TotalSeconds : null;
}

/// <summary>A failed test in a TRX file.</summary>
/// <param name="Name">The test's name as the TRX gives it.</param>
/// <param name="Message">The failure message, when there is one.</param>
public sealed record TrxFailedTest(string Name, string? Message);
