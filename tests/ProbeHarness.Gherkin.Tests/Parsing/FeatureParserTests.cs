using ProbeHarness.Gherkin.Parsing;
using ProbeHarness.Gherkin.Scenarios;

namespace ProbeHarness.Gherkin.Tests.Parsing;

public sealed class FeatureParserTests
{
    private const string Probes = """
        @probes
        Feature: Probes
          Background:
            Given a cluster

          @liveness
          Scenario Outline: restart after <failures> failures
            When /healthz fails <failures> times
            * the kubelet probes
            Then restartCount is <restarts>
            But the pod is not deleted

            @fast
            Examples: fast
              | failures | restarts |
              | 3        | 1        |

            @slow
            Examples: slow
              | failures | restarts |
              | 6        | 2        |

          @readiness
          Rule: Readiness
            Background:
              Given a service

            @endpoints
            Scenario: endpoints follow readiness
              Given the pods:
                | name | ready |
                | a    | true  |
              When the probe answers:
                ```json
                {"status": "down"}
                ```
              Then pod a leaves the endpoints
        """;

    [Fact]
    public void Outline_expands_to_one_case_per_examples_row()
    {
        // Given
        var source = new FeatureSource("features/probes.feature", Probes);

        // When
        var feature = FeatureParser.Parse(source);

        // Then
        Assert.Empty(feature.Errors);
        Assert.Equal(3, feature.Pickles.Count);
        Assert.Equal(
            ["restart after 3 failures", "restart after 6 failures", "endpoints follow readiness"],
            feature.Scenarios.Select(scenario => scenario.PickleName));
        Assert.Equal(
            [[KeyValuePair.Create("failures", "3"), KeyValuePair.Create("restarts", "1")], [KeyValuePair.Create("failures", "6"), KeyValuePair.Create("restarts", "2")], []],
            feature.Scenarios.Select(scenario => scenario.ExampleValues.ToArray()));
        Assert.Equal("restart after <failures> failures", feature.Scenarios[0].Title);
        Assert.Equal("When", feature.Scenarios[0].Steps[1].KeywordText.Trim());
        Assert.Equal("/healthz fails 6 times", feature.Scenarios[1].Steps[1].Text);
        Assert.Equal([0, 1, 2], feature.Scenarios.Select(scenario => scenario.Id.PickleIndex));
        Assert.Equal([16, 21, 29], feature.Scenarios.Select(scenario => scenario.Line));
    }

    [Fact]
    public void Feature_background_comes_first_then_the_rule_background()
    {
        // Given
        var source = new FeatureSource("features/probes.feature", Probes);

        // When
        var feature = FeatureParser.Parse(source);

        // Then
        Assert.Equal(
            ["a cluster", "/healthz fails 3 times", "the kubelet probes", "restartCount is 1", "the pod is not deleted"],
            feature.Scenarios[0].Steps.Select(step => step.Text));
        Assert.Equal(
            ["a cluster", "a service", "the pods:", "the probe answers:", "pod a leaves the endpoints"],
            feature.Scenarios[2].Steps.Select(step => step.Text));
    }

    [Fact]
    public void Tags_are_kept_apart_by_where_they_were_written()
    {
        // Given
        var source = new FeatureSource("features/probes.feature", Probes);

        // When
        var feature = FeatureParser.Parse(source);

        // Then
        var fast = feature.Scenarios[0];
        Assert.Equal(["probes"], fast.FeatureTags);
        Assert.Empty(fast.RuleTags);
        Assert.Equal(["liveness", "fast"], fast.ScenarioTags);
        var endpoints = feature.Scenarios[2];
        Assert.Equal(["readiness"], endpoints.RuleTags);
        Assert.Equal(["endpoints"], endpoints.ScenarioTags);
        Assert.Equal("Readiness", endpoints.RuleTitle);
        Assert.Equal(["probes", "readiness", "endpoints"], endpoints.AllTags);
        Assert.Equal(["probes"], feature.Tags);
    }

    [Fact]
    public void Steps_carry_their_keyword_data_table_and_doc_string()
    {
        // Given
        var source = new FeatureSource("features/probes.feature", Probes);

        // When
        var feature = FeatureParser.Parse(source);

        // Then
        Assert.Equal(
            [StepKeyword.Given, StepKeyword.When, StepKeyword.And, StepKeyword.Then, StepKeyword.But],
            feature.Scenarios[0].Steps.Select(step => step.Keyword));
        Assert.Equal("* ", feature.Scenarios[0].Steps[2].KeywordText);
        var endpoints = feature.Scenarios[2].Steps;
        Assert.Equal([["name", "ready"], ["a", "true"]], endpoints[2].Table!.Select(row => row.ToArray()));
        Assert.Null(endpoints[2].DocString);
        Assert.Equal("""{"status": "down"}""", endpoints[3].DocString);
        Assert.Null(endpoints[3].Table);
        Assert.Equal(33, endpoints[3].Line);
    }

    [Fact]
    public void A_syntax_error_is_reported_with_file_line_and_column_instead_of_thrown()
    {
        // Given
        var source = new FeatureSource("features/broken.feature", """
            Feature: Broken
              Scenario: stray text
                Given a cluster
                this is not a step
            """);

        // When
        var feature = FeatureParser.Parse(source);

        // Then
        var error = Assert.Single(feature.Errors);
        Assert.Equal(("features/broken.feature", 4, 5), (error.FeaturePath, error.Line, error.Column));
        Assert.StartsWith("features/broken.feature:4:5: expected: ", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("got 'this is not a step'", error.Message, StringComparison.Ordinal);
        Assert.Empty(feature.Scenarios);
        Assert.Null(feature.Document);
        Assert.Equal("features/broken.feature", feature.Title);
    }

    [Fact]
    public void An_unknown_language_is_a_located_error_too()
    {
        // Given
        var source = new FeatureSource("features/xx.feature", "# language: xx-unknown\nFeature: X\n");

        // When
        var feature = FeatureParser.Parse(source);

        // Then
        var error = Assert.Single(feature.Errors);
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("xx-unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_ids_are_unique_across_features_and_the_same_on_every_parse()
    {
        // Given
        var first = new FeatureSource("features/a.feature", Probes);
        var second = new FeatureSource("features/b.feature", Probes);

        // When
        var a = FeatureParser.Parse(first);
        var b = FeatureParser.Parse(second);
        var aAgain = FeatureParser.Parse(first);

        // Then
        var idsOfA = a.Pickles.SelectMany(pickle => pickle.Steps.Select(step => step.Id).Append(pickle.Id)).ToArray();
        var idsOfB = b.Pickles.SelectMany(pickle => pickle.Steps.Select(step => step.Id).Append(pickle.Id)).ToArray();
        Assert.Equal(idsOfA.Length, idsOfA.Distinct().Count());
        Assert.Empty(idsOfA.Intersect(idsOfB));
        Assert.Equal(idsOfA, aAgain.Pickles.SelectMany(pickle => pickle.Steps.Select(step => step.Id).Append(pickle.Id)));
        Assert.All(a.Pickles, pickle => Assert.Equal("features/a.feature", pickle.Uri));
    }

    [Fact]
    public void An_empty_file_parses_to_no_scenarios()
    {
        // Given
        var source = new FeatureSource("features/empty.feature", "# nothing here yet\n");

        // When
        var feature = FeatureParser.Parse(source);

        // Then
        Assert.Empty(feature.Errors);
        Assert.Empty(feature.Scenarios);
        Assert.Equal("features/empty.feature", feature.Title);
    }

    [Fact]
    public void The_feature_language_chooses_the_keywords()
    {
        // Given
        var source = new FeatureSource("features/de.feature", """
            # language: de
            Funktionalität: Proben
              Szenario: Neustart
                Angenommen ein Cluster
                Wenn der Probe fehlschlägt
                Dann wird neu gestartet
                Aber nicht gelöscht
            """);

        // When
        var feature = FeatureParser.Parse(source);

        // Then
        Assert.Equal("de", feature.Language);
        Assert.Equal(
            [StepKeyword.Given, StepKeyword.When, StepKeyword.Then, StepKeyword.But],
            Assert.Single(feature.Scenarios).Steps.Select(step => step.Keyword));
    }
}
