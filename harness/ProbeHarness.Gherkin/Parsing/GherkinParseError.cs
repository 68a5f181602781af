namespace ProbeHarness.Gherkin.Parsing;

/// <summary>One Gherkin syntax error, located in its feature file.</summary>
/// <param name="FeaturePath">The feature file's path as the suite names it (relative to the feature base directory).</param>
/// <param name="Line">The 1-based line of the error.</param>
/// <param name="Column">The 1-based column of the error (0 when the parser gave none).</param>
/// <param name="Message">The parser's message without its location prefix.</param>
public sealed record GherkinParseError(string FeaturePath, int Line, int Column, string Message)
{
    /// <summary>The error as <c>path:line:column: message</c>, the form compilers and editors understand.</summary>
    public override string ToString() => $"{FeaturePath}:{Line}:{Column}: {Message}";
}
