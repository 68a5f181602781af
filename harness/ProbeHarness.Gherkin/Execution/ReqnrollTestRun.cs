using Reqnroll;
using Xunit;

namespace ProbeHarness.Gherkin.Execution;

/// <summary>
/// Assembly fixture around the whole test run: puts the report directory into the environment, then starts Reqnroll's
/// test run (before-test-run hooks, formatters); at the end finishes it (after-test-run hooks, reports written).
/// The targets derive a class from it in the test assembly, so <c>GetType().Assembly</c> is the test assembly.
/// </summary>
public abstract class ReqnrollTestRun : IAsyncLifetime
{
    /// <summary>Starts the Reqnroll test run of the test assembly.</summary>
    public async ValueTask InitializeAsync()
    {
        var testAssembly = GetType().Assembly;
        var reports = ReportDirectory.ApplyDefault(testAssembly);
        TestContext.Current.SendDiagnosticMessage($"ProbeHarness.Gherkin: Cucumber reports go to {reports ?? "(not configured)"}");
        await TestRunnerManager.OnTestRunStartAsync(testAssembly);
    }

    /// <summary>Ends the Reqnroll test run; formatters write their files now.</summary>
    public async ValueTask DisposeAsync()
    {
        await TestRunnerManager.OnTestRunEndAsync(GetType().Assembly);
        GC.SuppressFinalize(this);
    }
}
