using System.Text.RegularExpressions;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using ProbeHarness.Gherkin.Scenarios;

namespace ProbeHarness.Gherkin.Parsing;

/// <summary>Parses feature text with the Gherkin parser Reqnroll brings, and compiles its pickles.</summary>
public static partial class FeatureParser
{
    /// <summary>
    /// Parses the feature file <paramref name="path"/> from its bytes; bytes that are not UTF-8 are an error located at
    /// the first invalid byte (line, byte column and byte offset), never read with replacement characters.
    /// </summary>
    public static ParsedFeature Parse(string path, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (FeatureText.TryDecode(bytes, out var text, out var invalid))
        {
            return Parse(new FeatureSource(path, text));
        }

        var error = new GherkinParseError(path, invalid!.Line, invalid.Column, invalid.Describe());
        return Failed(new FeatureSource(path, text), [error]);
    }

    /// <summary>Parses <paramref name="source"/>; syntax errors come back in <see cref="ParsedFeature.Errors"/>, never thrown.</summary>
    public static ParsedFeature Parse(FeatureSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        global::Gherkin.Ast.GherkinDocument ast;
        try
        {
            using var reader = new StringReader(source.Text);
            ast = new Parser().Parse(reader);
        }
        catch (CompositeParserException composite)
        {
            return Failed(source, composite.Errors.Select(error => ToError(source.Path, error)).ToArray());
        }
        catch (ParserException error)
        {
            return Failed(source, [ToError(source.Path, error)]);
        }

        var ids = new DeterministicIdGenerator(source.Path, source.Text);
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, source.Path);
        if (document.Feature is null)
        {
            return new ParsedFeature(source, document, [], [], []);
        }

        var pickles = new PickleCompiler(ids).Compile(document);
        var builder = new ScenarioCaseBuilder(source.Path, document.Feature);
        var scenarios = AuthoringChecks.Apply(source.Path, pickles.Select(builder.Build).ToArray());
        return new ParsedFeature(source, document, pickles, scenarios, []);
    }

    private static ParsedFeature Failed(FeatureSource source, IReadOnlyList<GherkinParseError> errors) =>
        new(source, document: null, pickles: [], scenarios: [], errors);

    private static GherkinParseError ToError(string path, ParserException error) =>
        new(
            path,
            error.Location?.Line ?? 0,
            error.Location?.Column ?? 0,
            LocationPrefix().Replace(error.Message, string.Empty));

    // The parser prefixes its messages with "(line:column): "; the error carries the location itself.
    [GeneratedRegex(@"^\(\d+:\d+\):\s*")]
    private static partial Regex LocationPrefix();
}
