using Gherkin;
using Messages = Io.Cucumber.Messages.Types;

namespace ProbeHarness.Gherkin.Scenarios;

/// <summary>
/// Turns the pickles of one parsed feature into <see cref="ScenarioCase"/>s, looking up through the pickles' AST node
/// ids what pickles lack: keywords, the rule, which tags came from where, the examples row values.
/// </summary>
internal sealed class ScenarioCaseBuilder
{
    private readonly string _featurePath;
    private readonly Messages.Feature _feature;
    private readonly GherkinDialect _dialect;
    private readonly Dictionary<string, (Messages.Scenario Scenario, Messages.Rule? Rule)> _scenarios = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Messages.Step> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Messages.Examples Examples, Messages.TableRow Row)> _exampleRows = new(StringComparer.Ordinal);

    /// <summary>Indexes the AST of <paramref name="feature"/> by node id.</summary>
    public ScenarioCaseBuilder(string featurePath, Messages.Feature feature)
    {
        _featurePath = featurePath;
        _feature = feature;
        _dialect = new GherkinDialectProvider("en").GetDialect(feature.Language, null);
        foreach (var child in feature.Children)
        {
            IndexBackground(child.Background);
            IndexScenario(child.Scenario, rule: null);
            if (child.Rule is { } rule)
            {
                foreach (var ruleChild in rule.Children)
                {
                    IndexBackground(ruleChild.Background);
                    IndexScenario(ruleChild.Scenario, rule);
                }
            }
        }
    }

    /// <summary>The case for the pickle at <paramref name="pickleIndex"/>.</summary>
    public ScenarioCase Build(Messages.Pickle pickle, int pickleIndex)
    {
        var (scenario, rule) = _scenarios[pickle.AstNodeIds[0]];
        (Messages.Examples Examples, Messages.TableRow Row)? example =
            pickle.AstNodeIds.Count > 1 ? _exampleRows[pickle.AstNodeIds[1]] : null;

        var scenarioTags = scenario.Tags.AsEnumerable();
        var exampleValues = Array.Empty<KeyValuePair<string, string>>();
        if (example is var (examples, row))
        {
            scenarioTags = scenarioTags.Concat(examples.Tags);
            exampleValues = examples.TableHeader.Cells
                .Zip(row.Cells, (header, cell) => KeyValuePair.Create(header.Value, cell.Value))
                .ToArray();
        }

        return new ScenarioCase
        {
            Id = new ScenarioId(_featurePath, pickleIndex),
            FeatureTitle = _feature.Name,
            RuleTitle = rule?.Name,
            RuleDescription = rule?.Description,
            Title = scenario.Name,
            PickleName = pickle.Name,
            Description = scenario.Description ?? string.Empty,
            FeatureTags = TagNames(_feature.Tags),
            RuleTags = rule is null ? [] : TagNames(rule.Tags),
            ScenarioTags = TagNames(scenarioTags),
            ExampleValues = exampleValues,
            Steps = pickle.Steps.Select(BuildStep).ToArray(),
            Line = (int)(example?.Row.Location.Line ?? scenario.Location.Line),
        };
    }

    private ScenarioStep BuildStep(Messages.PickleStep pickleStep)
    {
        var step = _steps[pickleStep.AstNodeIds[0]];
        var table = pickleStep.Argument?.DataTable?.Rows
            .Select(row => (IReadOnlyList<string>)row.Cells.Select(cell => cell.Value).ToArray())
            .ToArray();
        return new ScenarioStep(
            KeywordOf(step.Keyword),
            step.Keyword,
            pickleStep.Text,
            pickleStep.Argument?.DocString?.Content,
            table,
            (int)step.Location.Line,
            step.DataTable?.Rows.Select(row => (int)row.Location.Line).ToArray());
    }

    // Reqnroll's own parser checks the And keywords first so that "*" counts as And; unknown keywords are And too.
    private StepKeyword KeywordOf(string keyword) =>
        _dialect.AndStepKeywords.Contains(keyword) ? StepKeyword.And
        : _dialect.GivenStepKeywords.Contains(keyword) ? StepKeyword.Given
        : _dialect.WhenStepKeywords.Contains(keyword) ? StepKeyword.When
        : _dialect.ThenStepKeywords.Contains(keyword) ? StepKeyword.Then
        : _dialect.ButStepKeywords.Contains(keyword) ? StepKeyword.But
        : StepKeyword.And;

    private static string[] TagNames(IEnumerable<Messages.Tag> tags) =>
        tags.Select(tag => tag.Name.TrimStart('@')).ToArray();

    private void IndexBackground(Messages.Background? background)
    {
        foreach (var step in background?.Steps ?? [])
        {
            _steps[step.Id] = step;
        }
    }

    private void IndexScenario(Messages.Scenario? scenario, Messages.Rule? rule)
    {
        if (scenario is null)
        {
            return;
        }

        _scenarios[scenario.Id] = (scenario, rule);
        foreach (var step in scenario.Steps)
        {
            _steps[step.Id] = step;
        }

        foreach (var examples in scenario.Examples)
        {
            foreach (var row in examples.TableBody)
            {
                _exampleRows[row.Id] = (examples, row);
            }
        }
    }
}
