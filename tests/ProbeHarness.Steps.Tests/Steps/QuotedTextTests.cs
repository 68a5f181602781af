using System.Text.RegularExpressions;
using ProbeHarness.Steps.Steps;

namespace ProbeHarness.Steps.Tests.Steps;

/// <summary>Quoted step values: a quote written as \" is part of the value.</summary>
public sealed class QuotedTextTests
{
    [Fact]
    public void An_escaped_quote_is_part_of_the_value()
    {
        // Given a step with an environment value holding quotes
        const string step = """the target app environment variable FAULTS_AT_START is "{\"liveness\":{\"mode\":\"fail\"}}" """;

        // When the quoted value is matched and unescaped
        var match = Regex.Match(step, QuotedText.Pattern);
        var value = QuotedText.Unescape(match.Groups[1].Value);

        // Then the value is the JSON with its quotes
        Assert.True(match.Success);
        Assert.Equal("""{"liveness":{"mode":"fail"}}""", value);
    }
}
