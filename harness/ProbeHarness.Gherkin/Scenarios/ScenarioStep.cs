namespace ProbeHarness.Gherkin.Scenarios;

/// <summary>One step of a pickle, with outline placeholders already substituted.</summary>
/// <param name="Keyword">Which Reqnroll step call runs it.</param>
/// <param name="KeywordText">The keyword as written, with its trailing space (<c>"Given "</c>).</param>
/// <param name="Text">The step text.</param>
/// <param name="DocString">The doc string argument, or null.</param>
/// <param name="Table">The data table argument as rows of cells (first row is the header), or null.</param>
/// <param name="Line">The 1-based line of the step in its feature file.</param>
/// <param name="TableLines">The 1-based line of each table row, same order as <paramref name="Table"/>; null when unknown.</param>
public sealed record ScenarioStep(
    StepKeyword Keyword,
    string KeywordText,
    string Text,
    string? DocString,
    IReadOnlyList<IReadOnlyList<string>>? Table,
    int Line,
    IReadOnlyList<int>? TableLines = null);
