using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Tests.Findings;

public sealed class SeverityNamesTests
{
    [Theory]
    [InlineData("note", Severity.Note)]
    [InlineData("Warning", Severity.Warning)]
    [InlineData(" ERROR ", Severity.Error)]
    [InlineData("info", null)]
    [InlineData("1", null)]
    public void Names_parse_case_insensitively_and_anything_else_is_null(string text, Severity? expected)
    {
        // Given the names note, warning, error

        // When
        var parsed = SeverityNames.Parse(text);

        // Then
        Assert.Equal(expected, parsed);
        if (expected is { } severity)
        {
            Assert.Equal(text.Trim().ToLowerInvariant(), severity.Name());
        }
    }

    [Fact]
    public void Severities_order_from_note_to_error_for_fail_on()
    {
        // Given
        var severities = Enum.GetValues<Severity>();

        // When
        var ordered = severities.Order().ToList();

        // Then
        Assert.Equal([Severity.Note, Severity.Warning, Severity.Error], ordered);
    }
}
