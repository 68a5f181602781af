using ProbeHarness.Preflight.Output;

namespace ProbeHarness.Preflight.Tests.Output;

public sealed class PreflightWriterTests
{
    [Theory]
    [InlineData("human", OutputFormat.Human)]
    [InlineData("JSON", OutputFormat.Json)]
    [InlineData("sarif", OutputFormat.Sarif)]
    [InlineData("junit", OutputFormat.JUnit)]
    [InlineData("xml", null)]
    [InlineData("2", null)]
    public void Format_names_parse_case_insensitively(string text, OutputFormat? expected)
    {
        // Given the four formats

        // When
        var format = PreflightWriter.ParseFormat(text);

        // Then
        Assert.Equal(expected, format);
    }
}
