using System.Globalization;
using System.Reflection;
using ProbeHarness.Gherkin.Parsing;
using ProbeHarness.Gherkin.Rows;
using ProbeHarness.Gherkin.Runtime;
using ProbeHarness.Gherkin.Scenarios;
using Reqnroll;
using Xunit;

namespace ProbeHarness.Gherkin.Execution;

/// <summary>
/// One feature of a test assembly: its parse, its theory rows, and the single <see cref="FeatureInfo"/> every one of its
/// scenarios shares (Reqnroll tells features apart by that instance).
/// </summary>
public sealed class RunnableFeature
{
    private readonly Lazy<FeatureInfo> _featureInfo;
    private int _started;

    /// <summary>Wraps <paramref name="parsed"/>, a feature of <paramref name="testAssembly"/>.</summary>
    /// <param name="testAssembly">The assembly holding the feature's test class and bindings.</param>
    /// <param name="parsed">The parsed feature.</param>
    /// <param name="isExplicit">True when every scenario of the feature is explicit.</param>
    /// <param name="assemblyTags">Every tag of the assembly's features: a broken file whose tags cannot be read carries them all.</param>
    public RunnableFeature(Assembly testAssembly, ParsedFeature parsed, bool isExplicit, IReadOnlyList<string>? assemblyTags = null)
    {
        TestAssembly = testAssembly;
        Parsed = parsed;
        ParseErrorTags = parsed.Errors.Count == 0
            ? []
            : TagScan.Of(parsed.Source.Data) is { Count: > 0 } written ? written : assemblyTags ?? [];
        Rows = ScenarioRowBuilder.Build(parsed, isExplicit, ParseErrorTags);
        _featureInfo = new Lazy<FeatureInfo>(CreateFeatureInfo);
    }

    /// <summary>The assembly holding the feature's test class and bindings.</summary>
    public Assembly TestAssembly { get; }

    /// <summary>The parsed feature.</summary>
    public ParsedFeature Parsed { get; }

    /// <summary>The xunit rows, in pickle order.</summary>
    public IReadOnlyList<TheoryDataRow<string>> Rows { get; }

    /// <summary>The Reqnroll feature info, with the feature's Cucumber messages for the formatters.</summary>
    public FeatureInfo FeatureInfo => _featureInfo.Value;

    /// <summary>True once a scenario of this feature has been handed to Reqnroll.</summary>
    public bool WasStarted => Volatile.Read(ref _started) == 1;

    /// <summary>Runs the scenario that <paramref name="rowId"/> names; fails with the parse errors for a broken file.</summary>
    public Task RunScenarioAsync(string rowId)
    {
        if (Parsed.Errors.Count > 0)
        {
            var parseError = new GherkinParseException(Parsed.Path, Parsed.Errors);
            var errors = Parsed.Errors
                .Select(e => new AuthoringError(AuthoringErrorKind.Syntax, e.FeaturePath, e.Line, e.Column, e.Message))
                .ToArray();
            Refuse(new AuthoringErrorReport(rowId, Parsed.Path, Parsed.Title, $"{Parsed.Path} (does not parse)", ParseErrorTags, errors), parseError);
        }

        if (!ScenarioId.TryParse(rowId, out var id)
            || id.FeaturePath != Parsed.Path
            || id.PickleIndex >= Parsed.Scenarios.Count)
        {
            throw new ArgumentException($"'{rowId}' names no scenario of {Parsed.Path}.", nameof(rowId));
        }

        var scenario = Parsed.Scenarios[id.PickleIndex];
        if (scenario.AuthoringErrors.Count > 0)
        {
            Refuse(ReportOf(scenario, scenario.AuthoringErrors), new FeatureAuthoringException(scenario.DisplayName, scenario.AuthoringErrors));
        }

        Volatile.Write(ref _started, 1);
        return ScenarioRunner.RunAsync(this, scenario);
    }

    /// <summary>The tags the parse-error test carries: those the broken file's text shows, else every tag of the assembly.</summary>
    public IReadOnlyList<string> ParseErrorTags { get; }

    /// <summary>The report of a scenario the adapter fails itself with <paramref name="errors"/>.</summary>
    internal AuthoringErrorReport ReportOf(ScenarioCase scenario, IReadOnlyList<AuthoringError> errors) =>
        new(scenario.Id.ToString(), Parsed.Path, Parsed.Title, scenario.RecordName, scenario.AllTags, errors);

    /// <summary>Tells the listeners about a test the adapter fails itself, then fails it with <paramref name="failure"/>.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    internal static void Refuse(AuthoringErrorReport report, Exception failure)
    {
        if (AuthoringErrorReports.Report(report) is { } listenerFailure)
        {
            throw new AggregateException(failure.Message, failure, listenerFailure);
        }

        throw failure;
    }

    private FeatureInfo CreateFeatureInfo()
    {
        var folder = Path.GetDirectoryName(Parsed.Path)?.Replace('\\', '/') ?? string.Empty;
        return new FeatureInfo(
            new CultureInfo(Parsed.Language),
            folder,
            Parsed.Title,
            Parsed.Description,
            ProgrammingLanguage.CSharp,
            Parsed.Tags.ToArray(),
            new FeatureCucumberMessages(Parsed));
    }
}
