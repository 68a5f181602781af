using ProbeHarness.Gherkin.Parsing;

namespace ProbeHarness.Gherkin.Tests.Parsing;

public sealed class TagScanTests
{
    [Fact]
    public void Reads_every_tag_line_of_text_that_does_not_parse()
    {
        // Given
        const string text = "@liveness @http # a comment @not\nFeature: Broken\n  @slow\n  Scenario: x\n    stray text @nottag\n  @liveness\n";

        // When
        var tags = TagScan.Of(text);

        // Then
        Assert.Equal(["liveness", "http", "slow"], tags);
    }

    [Fact]
    public void Text_without_tag_lines_has_no_tags()
    {
        // Given
        const string text = "Feature: x\n  Scenario: y\n    Given an email@example.org\n";

        // When
        var tags = TagScan.Of(text);

        // Then
        Assert.Empty(tags);
    }
}
