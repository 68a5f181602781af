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
    public RunnableFeature(Assembly testAssembly, ParsedFeature parsed, bool isExplicit)
    {
        TestAssembly = testAssembly;
        Parsed = parsed;
        Rows = ScenarioRowBuilder.Build(parsed, isExplicit);
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
            throw new GherkinParseException(Parsed.Path, Parsed.Errors);
        }

        if (!ScenarioId.TryParse(rowId, out var id)
            || id.FeaturePath != Parsed.Path
            || id.PickleIndex >= Parsed.Scenarios.Count)
        {
            throw new ArgumentException($"'{rowId}' names no scenario of {Parsed.Path}.", nameof(rowId));
        }

        Volatile.Write(ref _started, 1);
        return ScenarioRunner.RunAsync(this, Parsed.Scenarios[id.PickleIndex]);
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
