using ProbeHarness.Gherkin.Parsing;
using ProbeHarness.Gherkin.Runtime;

namespace ProbeHarness.Gherkin.Tests.Runtime;

public sealed class FeatureCucumberMessagesTests
{
    [Fact]
    public void The_formatters_get_the_same_source_document_and_pickles_the_cases_come_from()
    {
        // Given
        var parsed = FeatureParser.Parse(new FeatureSource("features/a.feature", "Feature: A\n  Scenario: one\n    Given x\n"));

        // When
        var messages = new FeatureCucumberMessages(parsed);

        // Then
        Assert.True(messages.HasMessages);
        Assert.Equal("features/a.feature", messages.Source.Uri);
        Assert.Equal("Feature: A\n  Scenario: one\n    Given x\n", messages.Source.Data);
        Assert.Same(parsed.Document, messages.GherkinDocument);
        Assert.Equal(parsed.Pickles, messages.Pickles);
    }

    [Fact]
    public void A_feature_that_does_not_parse_has_no_messages()
    {
        // Given
        var parsed = FeatureParser.Parse(new FeatureSource("features/b.feature", "Feature: B\n  Scenario: one\n    Given x\n    stray\n"));

        // When
        var messages = new FeatureCucumberMessages(parsed);

        // Then
        Assert.False(messages.HasMessages);
    }
}
