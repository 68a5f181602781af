using System.Collections.Specialized;
using System.Globalization;
using System.Runtime.ExceptionServices;
using ProbeHarness.Gherkin.Scenarios;
using Reqnroll;
using Xunit;

namespace ProbeHarness.Gherkin.Execution;

/// <summary>
/// Runs one pickle through Reqnroll the way Reqnroll's generated xunit classes do: take a test runner from the pool
/// (hinted with the feature so a class keeps its runner), end another feature and start this one when needed,
/// initialize, start, run the steps, collect errors, end the scenario, give the runner back.
/// </summary>
internal static class ScenarioRunner
{
    /// <summary>Runs <paramref name="scenario"/> of <paramref name="feature"/>; throws what made it fail.</summary>
    public static async Task RunAsync(RunnableFeature feature, ScenarioCase scenario)
    {
        var featureInfo = feature.FeatureInfo;
        var runner = TestRunnerManager.GetTestRunnerForAssembly(feature.TestAssembly, featureHint: featureInfo);
        var initialized = false;
        ExceptionDispatchInfo? scenarioFailure = null;
        try
        {
            await EnterFeatureAsync(runner, featureInfo);
            runner.OnScenarioInitialize(ScenarioInfoOf(scenario), RuleInfoOf(scenario));
            initialized = true;
            if (TestContext.Current.TestOutputHelper is { } output)
            {
                runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(output);
            }

            await runner.OnScenarioStartAsync();
            foreach (var step in scenario.Steps)
            {
                await RunStepAsync(runner, step);
            }

            await runner.CollectScenarioErrorsAsync();
        }
        catch (Exception exception)
        {
            scenarioFailure = ExceptionDispatchInfo.Capture(exception);
        }

        Exception? endFailure = null;
        try
        {
            if (initialized)
            {
                await runner.OnScenarioEndAsync();
            }
        }
        catch (Exception exception)
        {
            endFailure = exception;
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }

        if (scenarioFailure is not null && endFailure is not null)
        {
            throw new AggregateException(
                $"Scenario '{scenario.PickleName}' failed, and so did ending it.", scenarioFailure.SourceException, endFailure);
        }

        scenarioFailure?.Throw();
        if (endFailure is not null)
        {
            ExceptionDispatchInfo.Throw(endFailure);
        }
    }

    // Mirrors the generated TestInitialize: a pooled runner may still hold another feature.
    private static async Task EnterFeatureAsync(ITestRunner runner, FeatureInfo featureInfo)
    {
        try
        {
            if (runner.FeatureContext is { } current && !current.FeatureInfo.Equals(featureInfo))
            {
                await runner.OnFeatureEndAsync();
            }
        }
        finally
        {
            if (runner.FeatureContext is { BeforeFeatureHookFailed: true })
            {
                throw new ReqnrollException("Scenario skipped because of previous before feature hook error");
            }

            if (runner.FeatureContext is null)
            {
                await runner.OnFeatureStartAsync(featureInfo);
            }
        }
    }

    private static ScenarioInfo ScenarioInfoOf(ScenarioCase scenario)
    {
        var arguments = new OrderedDictionary();
        foreach (var (name, value) in scenario.ExampleValues)
        {
            arguments[name] = value;
        }

        return new ScenarioInfo(
            scenario.Title,
            scenario.Description,
            scenario.ScenarioTags.ToArray(),
            arguments,
            scenario.FeatureTags.Concat(scenario.RuleTags).ToArray(),
            scenario.Id.PickleIndex.ToString(CultureInfo.InvariantCulture));
    }

    private static RuleInfo? RuleInfoOf(ScenarioCase scenario) =>
        scenario.RuleTitle is null
            ? null
            : new RuleInfo(scenario.RuleTitle, scenario.RuleDescription ?? string.Empty, scenario.RuleTags.ToArray());

    private static Task RunStepAsync(ITestRunner runner, ScenarioStep step)
    {
        var table = TableOf(step.Table);
        return step.Keyword switch
        {
            StepKeyword.Given => runner.GivenAsync(step.Text, step.DocString, table, step.KeywordText),
            StepKeyword.When => runner.WhenAsync(step.Text, step.DocString, table, step.KeywordText),
            StepKeyword.Then => runner.ThenAsync(step.Text, step.DocString, table, step.KeywordText),
            StepKeyword.But => runner.ButAsync(step.Text, step.DocString, table, step.KeywordText),
            _ => runner.AndAsync(step.Text, step.DocString, table, step.KeywordText),
        };
    }

    // A DataTable is a Table, so bindings may take either type.
    private static DataTable? TableOf(IReadOnlyList<IReadOnlyList<string>>? rows)
    {
        if (rows is not { Count: > 0 })
        {
            return null;
        }

        var table = new DataTable(rows[0].ToArray());
        foreach (var row in rows.Skip(1))
        {
            table.AddRow(row.ToArray());
        }

        return table;
    }
}
