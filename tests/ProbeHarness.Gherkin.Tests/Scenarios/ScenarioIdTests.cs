using ProbeHarness.Gherkin.Scenarios;

namespace ProbeHarness.Gherkin.Tests.Scenarios;

public sealed class ScenarioIdTests
{
    [Fact]
    public void An_id_reads_back_from_its_text()
    {
        // Given
        var id = new ScenarioId("features/liveness/restart#1.feature", 12);

        // When
        var parsed = ScenarioId.TryParse(id.ToString(), out var back);

        // Then
        Assert.True(parsed);
        Assert.Equal("features/liveness/restart#1.feature#12", id.ToString());
        Assert.Equal(id, back);
    }

    [Theory]
    [InlineData("features/a.feature#parse-error")]
    [InlineData("features/a.feature#no-scenarios")]
    [InlineData("features/a.feature#-1")]
    [InlineData("#3")]
    [InlineData("features/a.feature")]
    public void Text_that_names_no_pickle_does_not_parse(string text)
    {
        // Given
        // (the text)

        // When
        var parsed = ScenarioId.TryParse(text, out _);

        // Then
        Assert.False(parsed);
    }

    [Fact]
    public void The_special_row_ids_name_their_feature()
    {
        // Given
        const string path = "features/a.feature";

        // When
        var ids = new[] { ScenarioId.ParseErrorRowId(path), ScenarioId.NoScenariosRowId(path) };

        // Then
        Assert.Equal(["features/a.feature#parse-error", "features/a.feature#no-scenarios"], ids);
    }
}
