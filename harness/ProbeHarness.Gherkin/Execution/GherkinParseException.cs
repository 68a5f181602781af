using ProbeHarness.Gherkin.Parsing;

namespace ProbeHarness.Gherkin.Execution;

/// <summary>A feature file that does not parse; the message lists every error as <c>path:line:column: message</c>.</summary>
public sealed class GherkinParseException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/> of the feature at <paramref name="featurePath"/>.</summary>
    public GherkinParseException(string featurePath, IReadOnlyList<GherkinParseError> errors)
        : base($"Feature file {featurePath} does not parse:{Environment.NewLine}"
               + string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>The syntax errors.</summary>
    public IReadOnlyList<GherkinParseError> Errors { get; }
}
