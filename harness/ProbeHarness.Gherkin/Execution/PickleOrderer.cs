using ProbeHarness.Gherkin.Scenarios;
using Xunit.Sdk;
using Xunit.v3;

namespace ProbeHarness.Gherkin.Execution;

/// <summary>
/// Runs a feature class's cases in pickle order (file order), as Reqnroll's generated classes do, so a feature starts
/// once, runs its scenarios, and ends once. Cases that are not pickles keep their relative order, after them.
/// </summary>
public sealed class PickleOrderer : ITestCaseOrderer
{
    /// <summary>Orders <paramref name="testCases"/> by pickle index (stable).</summary>
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        testCases.OrderBy(testCase => PickleIndexOf(testCase)).ToArray();

    private static int PickleIndexOf(ITestCase testCase) =>
        testCase is XunitTestCase { TestMethodArguments: [string rowId] } && ScenarioId.TryParse(rowId, out var id)
            ? id.PickleIndex
            : int.MaxValue;
}
