using ProbeHarness.Gherkin.Parsing;
using ProbeHarness.Gherkin.Rows;

namespace ProbeHarness.Gherkin.Tests.Rows;

public sealed class ScenarioRowBuilderTests
{
    private const string Probes = """
        @probes
        Feature: Probes
          @liveness
          Scenario Outline: restart after <failures> failures
            When /healthz fails <failures> times

            @fast
            Examples:
              | failures |
              | 3        |

          @ignore
          Scenario: not yet
            Given nothing

          @explicit
          Scenario: slow soak
            Given a long wait

          @readiness
          Rule: Readiness
            @endpoints
            Scenario: endpoints follow readiness
              Given a service
        """;

    private static readonly ParsedFeature Feature = FeatureParser.Parse(new FeatureSource("features/probes.feature", Probes));

    [Fact]
    public void Each_pickle_becomes_one_row_named_after_feature_scenario_and_example_values()
    {
        // Given
        // (the feature)

        // When
        var rows = ScenarioRowBuilder.Build(Feature, explicitFeature: false);

        // Then
        Assert.Equal(
            ["features/probes.feature#0", "features/probes.feature#1", "features/probes.feature#2", "features/probes.feature#3"],
            rows.Select(row => row.Data));
        Assert.Equal(
            ["Probes: restart after 3 failures", "Probes: not yet", "Probes: slow soak", "Probes: endpoints follow readiness"],
            rows.Select(row => row.TestDisplayName));
        Assert.Equal(["failures=3", "", "", ""], rows.Select(row => row.Label));
    }

    [Fact]
    public void Tags_of_feature_rule_scenario_and_examples_become_category_traits()
    {
        // Given
        // (the feature)

        // When
        var rows = ScenarioRowBuilder.Build(Feature, explicitFeature: false);

        // Then
        Assert.Equal(["fast", "liveness", "probes"], rows[0].Traits[ScenarioRowBuilder.CategoryTrait].Order(StringComparer.Ordinal));
        Assert.Equal(["endpoints", "probes", "readiness"], rows[3].Traits[ScenarioRowBuilder.CategoryTrait].Order(StringComparer.Ordinal));
        Assert.Equal(["Probes"], rows[3].Traits[ScenarioRowBuilder.FeatureTrait]);
        Assert.Equal(["features/probes.feature"], rows[3].Traits[ScenarioRowBuilder.FeatureFileTrait]);
        Assert.Equal(["Readiness"], rows[3].Traits[ScenarioRowBuilder.RuleTrait]);
        Assert.False(rows[0].Traits.ContainsKey(ScenarioRowBuilder.RuleTrait));
    }

    [Fact]
    public void Ignore_skips_explicit_marks_explicit_and_the_rest_run_by_default()
    {
        // Given
        // (the feature)

        // When
        var rows = ScenarioRowBuilder.Build(Feature, explicitFeature: false);

        // Then
        Assert.Equal([null, "Ignored: tagged @ignore", null, null], rows.Select(row => row.Skip));
        Assert.Equal([null, null, true, null], rows.Select(row => row.Explicit));
    }

    [Fact]
    public void Serial_runs_alone_and_the_rest_side_by_side()
    {
        // Given
        var feature = FeatureParser.Parse(new FeatureSource("features/shared.feature", """
            Feature: Shared
              Scenario: beside the others
                Given nothing shared

              @serial
              Scenario: alone
                Given something shared
            """));

        // When
        var rows = ScenarioRowBuilder.Build(feature, explicitFeature: false);

        // Then
        Assert.Equal([null, true], rows.Select(row => row.DisableParallelization));
    }

    [Fact]
    public void An_explicit_feature_makes_every_row_explicit()
    {
        // Given
        // (the feature)

        // When
        var rows = ScenarioRowBuilder.Build(Feature, explicitFeature: true);

        // Then
        Assert.All(rows, row => Assert.True(row.Explicit));
    }

    [Fact]
    public void A_feature_that_does_not_parse_gets_one_row_naming_file_line_and_column()
    {
        // Given
        var broken = FeatureParser.Parse(new FeatureSource("features/broken.feature", "Feature: Broken\n  Scenario: x\n    Given y\n    stray\n"));

        // When
        var row = Assert.Single(ScenarioRowBuilder.Build(broken, explicitFeature: false));

        // Then
        Assert.Equal("features/broken.feature#parse-error", row.Data);
        Assert.StartsWith("Gherkin parse error: features/broken.feature:4:5: ", row.TestDisplayName, StringComparison.Ordinal);
        Assert.Equal([ScenarioRowBuilder.ParseErrorCategory], row.Traits[ScenarioRowBuilder.CategoryTrait]);
        Assert.Null(row.Skip);
        Assert.Null(row.Explicit);
    }

    [Fact]
    public void A_feature_that_does_not_parse_carries_the_tags_given_for_it_so_tag_filtered_runs_include_it()
    {
        // Given
        var broken = FeatureParser.Parse(new FeatureSource("features/broken.feature", "@liveness\nFeature: Broken\n  Scenario: x\n    Given y\n    stray\n"));

        // When
        var row = Assert.Single(ScenarioRowBuilder.Build(broken, explicitFeature: false, parseErrorTags: ["liveness", "http"]));

        // Then
        Assert.Equal([ScenarioRowBuilder.ParseErrorCategory, "liveness", "http"], row.Traits[ScenarioRowBuilder.CategoryTrait]);
    }

    [Fact]
    public void A_feature_without_scenarios_gets_one_skipped_row()
    {
        // Given
        var empty = FeatureParser.Parse(new FeatureSource("features/empty.feature", "Feature: Empty\n"));

        // When
        var row = Assert.Single(ScenarioRowBuilder.Build(empty, explicitFeature: false));

        // Then
        Assert.Equal("features/empty.feature#no-scenarios", row.Data);
        Assert.Equal("features/empty.feature has no scenarios", row.Skip);
        Assert.Equal("Empty: (no scenarios)", row.TestDisplayName);
    }
}
