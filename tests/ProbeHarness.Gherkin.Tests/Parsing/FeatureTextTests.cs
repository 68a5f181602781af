using System.Text;
using ProbeHarness.Gherkin.Parsing;

namespace ProbeHarness.Gherkin.Tests.Parsing;

public sealed class FeatureTextTests
{
    [Fact]
    public void Utf8_text_is_decoded_and_its_byte_order_mark_dropped()
    {
        // Given
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Feature: Café ✓\n")];

        // When
        var decoded = FeatureText.TryDecode(bytes, out var text, out var invalid);

        // Then
        Assert.True(decoded);
        Assert.Null(invalid);
        Assert.Equal("Feature: Café ✓\n", text);
    }

    [Fact]
    public void A_latin1_byte_is_located_by_offset_line_and_byte_column()
    {
        // Given
        var bytes = Encoding.Latin1.GetBytes("Feature: x\n\n  Scenario: Café\n");

        // When
        var decoded = FeatureText.TryDecode(bytes, out var text, out var invalid);

        // Then
        Assert.False(decoded);
        Assert.Equal(new InvalidUtf8(Offset: 27, Value: 0xE9, Line: 3, Column: 16), invalid);
        Assert.Contains("Scenario: Caf\uFFFD", text, StringComparison.Ordinal);
        Assert.StartsWith("byte 0xE9 at byte offset 27 is not UTF-8; feature files must be UTF-8", invalid!.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xC3 }, 1)]
    [InlineData(new byte[] { 0x61, 0x62, 0xC0, 0xAF }, 2)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x61, 0x00 }, 0)]
    public void A_truncated_overlong_or_utf16_sequence_is_located_at_its_first_byte(byte[] bytes, long offset)
    {
        // Given
        // (a sequence cut at the end, an overlong '/', a UTF-16 byte order mark)

        // When
        var decoded = FeatureText.TryDecode(bytes, out _, out var invalid);

        // Then
        Assert.False(decoded);
        Assert.Equal(offset, invalid!.Offset);
    }

    [Fact]
    public void A_feature_that_is_not_utf8_does_not_parse_and_its_error_names_file_line_and_offset()
    {
        // Given
        var bytes = Encoding.Latin1.GetBytes("@food\nFeature: Food\n  Scenario: Crème brûlée\n    Given x\n");

        // When
        var feature = FeatureParser.Parse("features/food.feature", bytes);

        // Then
        var error = Assert.Single(feature.Errors);
        Assert.Empty(feature.Scenarios);
        Assert.StartsWith(
            "features/food.feature:3:15: byte 0xE8 at byte offset 34 is not UTF-8; feature files must be UTF-8",
            error.ToString(),
            StringComparison.Ordinal);
        Assert.Equal(["food"], TagScan.Of(feature.Source.Data));
    }
}
