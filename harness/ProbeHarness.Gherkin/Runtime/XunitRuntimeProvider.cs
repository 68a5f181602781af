using Reqnroll;
using Reqnroll.UnitTestProvider;
using Xunit.v3;

namespace ProbeHarness.Gherkin.Runtime;

/// <summary>
/// Maps Reqnroll's test outcomes onto xunit v3: pending and inconclusive fail with Reqnroll's message (for an undefined
/// step it holds the binding skeleton), ignore becomes a dynamic xunit skip.
/// </summary>
internal sealed class XunitRuntimeProvider : IUnitTestRuntimeProvider
{
    /// <summary>Fails the scenario as pending.</summary>
    public void TestPending(string message) => throw new ScenarioPendingException($"Pending: {message}");

    /// <summary>Fails the scenario: xunit has no inconclusive outcome and an unfinished scenario proves nothing.</summary>
    public void TestInconclusive(string message) => throw new ScenarioPendingException($"Inconclusive: {message}");

    /// <summary>Skips the scenario (xunit v3 treats an exception whose message starts with its skip token as a skip).</summary>
    public void TestIgnore(string message) => throw new ScenarioSkippedException(DynamicSkipToken.Value + message);

    /// <summary>Tells Reqnroll that a dynamic xunit skip is a skip, not a failure.</summary>
    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        exception.Message.StartsWith(DynamicSkipToken.Value, StringComparison.Ordinal) ? ScenarioExecutionStatus.Skipped : null;
}
