using ProbeHarness.Gherkin.Scenarios;
using Messages = Io.Cucumber.Messages.Types;

namespace ProbeHarness.Gherkin.Parsing;

/// <summary>
/// One feature file after parsing: its Cucumber messages (source, AST, pickles — what Reqnroll's formatters need) and
/// one <see cref="ScenarioCase"/> per pickle, or the syntax errors when it does not parse.
/// </summary>
public sealed class ParsedFeature
{
    internal ParsedFeature(
        FeatureSource source,
        Messages.GherkinDocument? document,
        IReadOnlyList<Messages.Pickle> pickles,
        IReadOnlyList<ScenarioCase> scenarios,
        IReadOnlyList<GherkinParseError> errors)
    {
        Path = source.Path;
        Source = new Messages.Source(source.Path, source.Text, Messages.SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        Document = document;
        Pickles = pickles;
        Scenarios = scenarios;
        Errors = errors;
    }

    /// <summary>The feature file's path as the suite names it.</summary>
    public string Path { get; }

    /// <summary>The <c>Source</c> message (path and text).</summary>
    public Messages.Source Source { get; }

    /// <summary>The <c>GherkinDocument</c> message, or null when the file does not parse.</summary>
    public Messages.GherkinDocument? Document { get; }

    /// <summary>The <c>Pickle</c> messages in file order; a pickle's index here is its <see cref="ScenarioId.PickleIndex"/>.</summary>
    public IReadOnlyList<Messages.Pickle> Pickles { get; }

    /// <summary>One case per pickle, same order.</summary>
    public IReadOnlyList<ScenarioCase> Scenarios { get; }

    /// <summary>Syntax errors; empty when the file parsed.</summary>
    public IReadOnlyList<GherkinParseError> Errors { get; }

    /// <summary>The feature's title, or its path when it has none (empty or broken file).</summary>
    public string Title => Document?.Feature is { Name: { Length: > 0 } name } ? name : Path;

    /// <summary>The feature's description, or empty.</summary>
    public string Description => Document?.Feature?.Description ?? string.Empty;

    /// <summary>The feature's language (<c># language:</c>), <c>en</c> by default.</summary>
    public string Language => Document?.Feature?.Language ?? "en";

    /// <summary>The feature's own tags, without <c>@</c>.</summary>
    public IReadOnlyList<string> Tags =>
        Document?.Feature?.Tags.Select(tag => tag.Name.TrimStart('@')).ToArray() ?? [];
}
