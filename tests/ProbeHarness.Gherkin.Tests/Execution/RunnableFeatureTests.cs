using ProbeHarness.Gherkin.Execution;
using ProbeHarness.Gherkin.Tests.Features;

namespace ProbeHarness.Gherkin.Tests.Execution;

public sealed class RunnableFeatureTests
{
    [Fact]
    public async Task Running_a_feature_that_does_not_parse_fails_with_every_error_located()
    {
        // Given
        var feature = FeatureCatalog.For(typeof(Features_Failing_Malformed_Feature));

        // When
        var error = await Assert.ThrowsAsync<GherkinParseException>(() => feature.RunScenarioAsync(feature.Rows[0].Data!));

        // Then
        var parseError = Assert.Single(error.Errors);
        Assert.Equal((7, 5), (parseError.Line, parseError.Column));
        Assert.Contains("Features/Failing/Malformed.feature:7:5: expected: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Features/Calculator.feature#99")]
    [InlineData("Features/Other.feature#0")]
    [InlineData("Features/Calculator.feature#no-scenarios")]
    public async Task A_row_id_naming_no_scenario_of_the_feature_is_refused(string rowId)
    {
        // Given
        var feature = FeatureCatalog.For(typeof(Features_Calculator_Feature));

        // When
        var error = await Assert.ThrowsAsync<ArgumentException>(() => feature.RunScenarioAsync(rowId));

        // Then
        Assert.StartsWith($"'{rowId}' names no scenario of Features/Calculator.feature.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_feature_info_is_made_once_from_the_parsed_feature()
    {
        // Given
        var feature = FeatureCatalog.For(typeof(Features_Calculator_Feature));

        // When
        var info = feature.FeatureInfo;

        // Then
        Assert.Equal("Calculator", info.Title);
        Assert.Equal("Features", info.FolderPath);
        Assert.Equal(["calculator"], info.Tags);
        Assert.Equal("en", info.Language.Name);
        Assert.Same(info, feature.FeatureInfo);
    }
}
