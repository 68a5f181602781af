using Io.Cucumber.Messages.Types;
using ProbeHarness.Gherkin.Parsing;
using Reqnroll.Formatters.RuntimeSupport;

namespace ProbeHarness.Gherkin.Runtime;

/// <summary>
/// A feature's Cucumber messages for Reqnroll's formatters (HTML, NDJSON), taken from the same parse the test cases
/// come from, so a scenario's pickle index points at the right pickle.
/// </summary>
internal sealed class FeatureCucumberMessages(ParsedFeature feature) : IFeatureLevelCucumberMessages
{
    /// <summary>True when the feature parsed.</summary>
    public bool HasMessages => feature.Document is not null;

    /// <summary>The feature's source message.</summary>
    public Source Source => feature.Source;

    /// <summary>The feature's AST message.</summary>
    public GherkinDocument GherkinDocument => feature.Document!;

    /// <summary>The feature's pickles, in pickle index order.</summary>
    public IEnumerable<Pickle> Pickles => feature.Pickles;
}
