using ProbeHarness.Gherkin.Scenarios;

namespace ProbeHarness.Gherkin.Tests.Scenarios;

public sealed class ScenarioCaseTests
{
    [Fact]
    public void An_outline_row_is_named_with_its_example_values()
    {
        // Given
        var scenario = Case(exampleValues: [KeyValuePair.Create("failures", "3"), KeyValuePair.Create("period", "10s")]);

        // When
        var name = scenario.DisplayName;

        // Then
        Assert.Equal("Probes: restart after 3 failures [failures=3, period=10s]", name);
        Assert.Equal("Probes: restart after 3 failures", scenario.BaseDisplayName);
        Assert.Equal("failures=3, period=10s", scenario.ExampleLabel);
    }

    [Fact]
    public void A_plain_scenario_is_named_feature_colon_scenario()
    {
        // Given
        var scenario = Case(exampleValues: []);

        // When
        var name = scenario.DisplayName;

        // Then
        Assert.Equal("Probes: restart after 3 failures", name);
        Assert.Equal(string.Empty, scenario.ExampleLabel);
    }

    [Theory]
    [InlineData("ignore", true, false)]
    [InlineData("Ignore", true, false)]
    [InlineData("explicit", false, true)]
    [InlineData("EXPLICIT", false, true)]
    [InlineData("ignored", false, false)]
    public void Ignore_and_explicit_tags_apply_whatever_their_case(string tag, bool ignored, bool isExplicit)
    {
        // Given
        var scenario = Case(exampleValues: [], ruleTags: [tag]);

        // When
        var flags = (scenario.IsIgnored, scenario.IsExplicit);

        // Then
        Assert.Equal((ignored, isExplicit), flags);
    }

    [Fact]
    public void All_tags_list_each_tag_once_feature_first()
    {
        // Given
        var scenario = Case(exampleValues: [], ruleTags: ["probes", "rule"]);

        // When
        var tags = scenario.AllTags;

        // Then
        Assert.Equal(["probes", "rule", "liveness"], tags);
    }

    private static ScenarioCase Case(KeyValuePair<string, string>[] exampleValues, string[]? ruleTags = null) =>
        new()
        {
            Id = new ScenarioId("features/probes.feature", 0),
            FeatureTitle = "Probes",
            RuleTitle = null,
            RuleDescription = null,
            Title = "restart after <failures> failures",
            PickleName = "restart after 3 failures",
            Description = string.Empty,
            FeatureTags = ["probes"],
            RuleTags = ruleTags ?? [],
            ScenarioTags = ["liveness"],
            ExampleValues = exampleValues,
            Steps = [],
            Line = 7,
        };
}
