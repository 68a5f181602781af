namespace ProbeHarness.Gherkin.Scenarios;

/// <summary>One error in a feature file, located where the author must fix it.</summary>
/// <param name="Kind">What kind of error.</param>
/// <param name="FeaturePath">The feature file's path as the suite names it.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column, or 0 when only the line is known.</param>
/// <param name="Message">What is wrong and what is allowed, without the location.</param>
public sealed record AuthoringError(AuthoringErrorKind Kind, string FeaturePath, int Line, int Column, string Message)
{
    /// <summary>The location as <c>path:line</c> or <c>path:line:column</c>.</summary>
    public string Location => Column > 0 ? $"{FeaturePath}:{Line}:{Column}" : $"{FeaturePath}:{Line}";

    /// <summary>The error as <c>path:line[:column]: message</c>, the form compilers and editors understand.</summary>
    public override string ToString() => $"{Location}: {Message}";
}
