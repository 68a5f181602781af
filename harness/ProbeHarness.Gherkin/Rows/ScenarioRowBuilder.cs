using ProbeHarness.Gherkin.Parsing;
using ProbeHarness.Gherkin.Scenarios;
using Xunit;

namespace ProbeHarness.Gherkin.Rows;

/// <summary>
/// Builds the xunit theory rows of a feature: one per pickle, named and traited for runners and filters
/// (<c>--filter-trait "Category=liveness"</c>), skipped for <c>@ignore</c>, explicit for <c>@explicit</c>, alone for <c>@serial</c>.
/// A feature that does not parse gets one row that fails with the errors; one without scenarios gets one skipped row.
/// </summary>
public static class ScenarioRowBuilder
{
    /// <summary>Trait holding each tag (feature, rule, scenario, examples) without <c>@</c>.</summary>
    public const string CategoryTrait = "Category";

    /// <summary>Trait holding the feature title.</summary>
    public const string FeatureTrait = "Feature";

    /// <summary>Trait holding the feature file path.</summary>
    public const string FeatureFileTrait = "FeatureFile";

    /// <summary>Trait holding the rule title, for scenarios inside a <c>Rule</c>.</summary>
    public const string RuleTrait = "Rule";

    /// <summary>Category of the row that reports a feature file which does not parse.</summary>
    public const string ParseErrorCategory = "gherkin-parse-error";

    /// <summary>The rows of <paramref name="feature"/>, in pickle order; all explicit when <paramref name="explicitFeature"/>.</summary>
    /// <param name="feature">The parsed feature.</param>
    /// <param name="explicitFeature">True when every scenario of the feature is explicit.</param>
    /// <param name="parseErrorTags">The tags the row of a file that does not parse carries (so tag-filtered runs include it).</param>
    public static IReadOnlyList<TheoryDataRow<string>> Build(ParsedFeature feature, bool explicitFeature, IReadOnlyList<string>? parseErrorTags = null)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (feature.Errors.Count > 0)
        {
            return [ParseErrorRow(feature, explicitFeature, parseErrorTags ?? [])];
        }

        if (feature.Scenarios.Count == 0)
        {
            return [NoScenariosRow(feature, explicitFeature)];
        }

        return feature.Scenarios.Select(scenario => ScenarioRow(scenario, feature.Path, explicitFeature)).ToArray();
    }

    /// <summary>The row of one pickle.</summary>
    public static TheoryDataRow<string> ScenarioRow(ScenarioCase scenario, string featurePath, bool explicitFeature)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        // xunit shows "TestDisplayName [Label]", and with an empty label no argument list.
        var row = new TheoryDataRow<string>(scenario.Id.ToString()) { Label = scenario.ExampleLabel }
            .WithTestDisplayName(scenario.BaseDisplayName)
            .WithTrait(FeatureTrait, scenario.FeatureTitle)
            .WithTrait(FeatureFileTrait, featurePath);
        if (scenario.RuleTitle is { } rule)
        {
            row = row.WithTrait(RuleTrait, rule);
        }

        foreach (var tag in scenario.AllTags)
        {
            row = row.WithTrait(CategoryTrait, tag);
        }

        if (scenario.IsIgnored)
        {
            row = row.WithSkip($"Ignored: tagged @{ScenarioCase.IgnoreTag}");
        }

        // Scenarios run side by side (xunit's parallelMode "all"); a @serial one runs alone.
        if (scenario.IsSerial)
        {
            row.DisableParallelization = true;
        }

        return explicitFeature || scenario.IsExplicit ? row.WithExplicit(true) : row;
    }

    private static TheoryDataRow<string> ParseErrorRow(ParsedFeature feature, bool explicitFeature, IReadOnlyList<string> tags)
    {
        var row = new TheoryDataRow<string>(ScenarioId.ParseErrorRowId(feature.Path)) { Label = string.Empty }
            .WithTestDisplayName($"Gherkin parse error: {feature.Errors[0]}")
            .WithTrait(FeatureFileTrait, feature.Path)
            .WithTrait(CategoryTrait, ParseErrorCategory);
        foreach (var tag in tags.Where(tag => tag != ParseErrorCategory))
        {
            row = row.WithTrait(CategoryTrait, tag);
        }

        return row.WithExplicit(explicitFeature ? true : null);
    }

    private static TheoryDataRow<string> NoScenariosRow(ParsedFeature feature, bool explicitFeature) =>
        new TheoryDataRow<string>(ScenarioId.NoScenariosRowId(feature.Path)) { Label = string.Empty }
            .WithTestDisplayName($"{feature.Title}: (no scenarios)")
            .WithTrait(FeatureFileTrait, feature.Path)
            .WithSkip($"{feature.Path} has no scenarios")
            .WithExplicit(explicitFeature ? true : null);
}
