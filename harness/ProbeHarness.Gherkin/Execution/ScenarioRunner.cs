using System.Collections.Specialized;
using System.Globalization;
using System.Runtime.ExceptionServices;
using ProbeHarness.Gherkin.Runtime;
using ProbeHarness.Gherkin.Scenarios;
using Reqnroll;
using Xunit;

namespace ProbeHarness.Gherkin.Execution;

/// <summary>
/// Runs one pickle through Reqnroll the way Reqnroll's generated xunit classes do: wait for a scenario slot, take a test runner from the pool
/// (hinted with the feature so a class keeps its runner), end another feature and start this one when needed,
/// initialize, start, run the steps, collect errors, end the scenario, give the runner back.
/// </summary>
internal static class ScenarioRunner
{
    /// <summary>Runs <paramref name="scenario"/> of <paramref name="feature"/>; throws what made it fail.</summary>
    public static async Task RunAsync(RunnableFeature feature, ScenarioCase scenario)
    {
        // The adapter's own work comes first, so a failure of it is never a scenario Reqnroll started and calls OK.
        var tables = TablesOf(feature, scenario);
        var (scenarioInfo, ruleInfo) = Prepare(feature, scenario, scenario.Line, "describe the scenario to Reqnroll", () => (ScenarioInfoOf(scenario), RuleInfoOf(scenario)));
        var timeout = Prepare(feature, scenario, scenario.Line, $"read {ScenarioTimeout.Variable}", () => ScenarioTimeout.FromEnvironment(Environment.GetEnvironmentVariable));
        Prepare(feature, scenario, scenario.Line, $"read {ScenarioConcurrency.Variable}", () => ScenarioSlots.Cap);
        using var slot = await ScenarioSlots.EnterAsync(scenario.IsLong, TestContext.Current.CancellationToken);
        using var deadline = new ScenarioDeadline(timeout, TestContext.Current.CancellationToken);
        var featureInfo = feature.FeatureInfo;
        var runner = TestRunnerManager.GetTestRunnerForAssembly(feature.TestAssembly, featureHint: featureInfo);
        var initialized = false;
        ScenarioStep? failedStep = null;
        ScenarioStep? runningStep = null;
        var stoppedEarly = false;
        ExceptionDispatchInfo? scenarioFailure = null;
        try
        {
            await EnterFeatureAsync(runner, featureInfo);
            runner.OnScenarioInitialize(scenarioInfo, ruleInfo);
            initialized = true;
            runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(scenario);
            runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(deadline);
            if (TestContext.Current.TestOutputHelper is { } output)
            {
                runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(output);
            }

            await runner.OnScenarioStartAsync();
            foreach (var (step, table) in scenario.Steps.Zip(tables))
            {
                if (deadline.HasPassed)
                {
                    stoppedEarly = true;
                    break;
                }

                runningStep = step;
                await RunStepAsync(runner, step, table);
                if (failedStep is null && runner.ScenarioContext.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
                {
                    failedStep = step;
                    runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(
                        new FailedStep(feature.Parsed.Path, step.Line, $"{step.KeywordText}{step.Text}"));
                }
            }

            if (stoppedEarly)
            {
                throw TimedOut(feature, scenario, timeout, runningStep, inner: null);
            }

            await runner.CollectScenarioErrorsAsync();
        }
        catch (Exception exception)
        {
            var failure = deadline.HasPassed && exception is not ScenarioTimeoutException
                ? TimedOut(feature, scenario, timeout, runningStep, exception)
                : exception;
            scenarioFailure = ExceptionDispatchInfo.Capture(Locate(failure, feature, failedStep));
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

    // The step it was in names where the time went (null when the hooks before the first step used it up).
    private static ScenarioTimeoutException TimedOut(
        RunnableFeature feature, ScenarioCase scenario, ScenarioTimeout timeout, ScenarioStep? runningStep, Exception? inner) =>
        new(
            scenario.DisplayName,
            timeout,
            runningStep is null ? null : $"{feature.Parsed.Path}:{runningStep.Line}: {runningStep.KeywordText}{runningStep.Text}",
            inner);

    // Reqnroll's errors name the step text but not where it is written: the test output gets "path:line: step" for any
    // failing step, and a pending or undefined step's message gets it too, after its first line (the skeleton follows).
    private static Exception Locate(Exception exception, RunnableFeature feature, ScenarioStep? failedStep)
    {
        if (failedStep is null || exception.Message.StartsWith(Xunit.v3.DynamicSkipToken.Value, StringComparison.Ordinal))
        {
            return exception;
        }

        var location = $"{feature.Parsed.Path}:{failedStep.Line}: {failedStep.KeywordText}{failedStep.Text}";
        try
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"failed at {location}");
        }
        catch (InvalidOperationException)
        {
            // No test is running (the runner was called outside xunit): the message below still names the step.
        }

        if (exception is not ScenarioPendingException pending)
        {
            return exception;
        }

        var firstLineEnd = pending.Message.IndexOf('\n', StringComparison.Ordinal);
        var message = firstLineEnd < 0
            ? $"{pending.Message}{Environment.NewLine}{location}"
            : $"{pending.Message[..firstLineEnd].TrimEnd('\r')}{Environment.NewLine}{location}{pending.Message[firstLineEnd..]}";
        return new ScenarioPendingException(message);
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

    // Any failure to build a table (the checks at parse time refuse the known causes) fails the test, located.
    private static DataTable?[] TablesOf(RunnableFeature feature, ScenarioCase scenario) =>
        scenario.Steps
            .Select(step => Prepare(feature, scenario, step.Line, $"build the table of \"{step.KeywordText}{step.Text}\"", () => TableOf(step.Table)))
            .ToArray();

    // The adapter's own work before Reqnroll starts the scenario: a failure of it fails the test naming file and line.
    private static T Prepare<T>(RunnableFeature feature, ScenarioCase scenario, int line, string what, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception exception)
        {
            AuthoringError[] errors =
            [
                new(AuthoringErrorKind.AdapterFailure, feature.Parsed.Path, line, 0,
                    $"the adapter could not {what}: {exception.GetType().Name}: {exception.Message}"),
            ];
            RunnableFeature.Refuse(feature.ReportOf(scenario, errors), new FeatureAuthoringException(scenario.DisplayName, errors, exception));
            throw; // Refuse never returns; this satisfies the compiler.
        }
    }

    private static Task RunStepAsync(ITestRunner runner, ScenarioStep step, DataTable? table)
    {
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
