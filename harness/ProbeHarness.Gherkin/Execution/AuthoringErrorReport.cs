using ProbeHarness.Gherkin.Scenarios;

namespace ProbeHarness.Gherkin.Execution;

/// <summary>A test the adapter failed without handing it to Reqnroll, so no Reqnroll hook saw it.</summary>
/// <param name="RowId">The test's row id: <c>path#index</c>, or the parse-error row id of a file that does not parse.</param>
/// <param name="FeaturePath">The feature file's path as the suite names it.</param>
/// <param name="FeatureTitle">The feature's title, or its path when it has none.</param>
/// <param name="Scenario">The scenario's title, with its examples row as <c>(name=value, ...)</c>, as a scenario record names it; for a parse error, the file.</param>
/// <param name="Tags">Every tag that applies, without <c>@</c>.</param>
/// <param name="Errors">The errors, each located.</param>
public sealed record AuthoringErrorReport(
    string RowId,
    string FeaturePath,
    string FeatureTitle,
    string Scenario,
    IReadOnlyList<string> Tags,
    IReadOnlyList<AuthoringError> Errors)
{
    /// <summary>Every error on its own line, as <c>path:line[:column]: message</c>.</summary>
    public string Message => string.Join(Environment.NewLine, Errors);
}
