using ProbeHarness.Gherkin.Scenarios;

namespace ProbeHarness.Gherkin.Execution;

/// <summary>A scenario the adapter refused to run; the message lists every error as <c>path:line: message</c>.</summary>
public sealed class FeatureAuthoringException : Exception
{
    /// <summary>Creates the exception for the <paramref name="errors"/> of <paramref name="scenario"/>.</summary>
    public FeatureAuthoringException(string scenario, IReadOnlyList<AuthoringError> errors, Exception? inner = null)
        : base($"Scenario \"{scenario}\" cannot run:{Environment.NewLine}" + string.Join(Environment.NewLine, errors), inner)
    {
        Errors = errors;
    }

    /// <summary>The errors, each located.</summary>
    public IReadOnlyList<AuthoringError> Errors { get; }
}
