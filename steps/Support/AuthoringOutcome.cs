using ProbeHarness.Cluster.Manifests;
using ProbeHarness.Gherkin.Execution;
using ProbeHarness.Steps.Drivers;
using Reqnroll;
using Reqnroll.BoDi;

namespace ProbeHarness.Steps.Support;

/// <summary>
/// Tells an authoring error (a step no binding matches, a binding that does not fit its step, a step argument or
/// manifest the step library refuses) from a scenario that ran and failed, by Reqnroll's status and the error's type,
/// and locates it with the step the adapter registered (<see cref="FailedStep"/>).
/// </summary>
public static class AuthoringOutcome
{
    /// <summary>The record outcome of an authoring error.</summary>
    public const string Word = "authoring-error";

    /// <summary>True for the step library's refusals of what a scenario asks (<see cref="ScenarioInputException"/>, <see cref="ManifestException"/>).</summary>
    public static bool IsInputError(Exception? error) =>
        error is ScenarioInputException or ManifestException || error?.InnerException is ScenarioInputException or ManifestException;

    /// <summary>The authoring verdict of the scenario, or null when it is not an authoring error.</summary>
    public static AuthoringVerdict? Of(ScenarioContext scenario, IObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(container);
        var step = container.IsRegistered<FailedStep>() ? container.Resolve<FailedStep>().ToString() : "a step";
        return scenario.ScenarioExecutionStatus switch
        {
            ScenarioExecutionStatus.UndefinedStep => new AuthoringVerdict(
                Word, $"{step}: no step definition matches this step (an unbound step); fix its text or write a binding for it."),
            ScenarioExecutionStatus.BindingError => new AuthoringVerdict(
                Word, $"{step}: {scenario.TestError?.Message ?? "its binding does not fit it (ambiguous, or the parameters do not match)."}"),
            _ when IsInputError(scenario.TestError) => new AuthoringVerdict(Word, $"{step}: {scenario.TestError!.Message}"),
            _ => null,
        };
    }
}
