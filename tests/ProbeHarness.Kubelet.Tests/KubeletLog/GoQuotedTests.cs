using ProbeHarness.Kubelet.KubeletLog;

namespace ProbeHarness.Kubelet.Tests.KubeletLog;

/// <summary>Go's %q literals, as klog prints quoted arguments.</summary>
public sealed class GoQuotedTests
{
    [Theory]
    [InlineData(@"""plain""", "plain")]
    [InlineData(@"""a\""b\\c""", "a\"b\\c")]
    [InlineData(@"""line\nbreak\ttab""", "line\nbreak\ttab")]
    [InlineData(@"""\x41\u00e9\U0001F600""", "Aé😀")]
    [InlineData(@"""\101""", "A")]
    [InlineData(@"""é direct""", "é direct")]
    public void Literals_unquote_as_Go_reads_them(string literal, string expected)
    {
        // Given / When / Then
        Assert.Equal(expected, GoQuoted.Unquote(literal));
    }

    [Theory]
    [InlineData(@"""unterminated")]
    [InlineData(@"""bad \q escape""")]
    [InlineData(@"""trailing"" text")]
    [InlineData("no quote")]
    public void Malformed_literals_are_null(string literal)
    {
        // Given / When / Then
        Assert.Null(GoQuoted.Unquote(literal));
    }

    [Fact]
    public void What_the_writer_quotes_reads_back()
    {
        // Given a value with quotes, backslashes, control characters and non-ASCII text
        const string value = "Get \"http://10.244.77.5:8080/healthz\": x\\y\n\u0001 é";

        // When it is quoted and read back
        var read = GoQuoted.Unquote(KubeletLogWriter.Quote(value));

        // Then it is the same
        Assert.Equal(value, read);
    }
}
