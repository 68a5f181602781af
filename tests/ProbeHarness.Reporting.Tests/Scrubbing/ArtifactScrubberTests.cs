using ProbeHarness.Reporting.Scrubbing;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Scrubbing;

public sealed class ArtifactScrubberTests
{
    private static string CucumberLike => File.ReadAllText(Path.Combine(TestData.Folder("cucumber"), "cucumber-like.html"));

    [Fact]
    public void Cucumber_html_keeps_its_script_byte_for_byte_and_loses_the_secret_in_its_messages()
    {
        // Given Cucumber's HTML: bundled JavaScript with "password"===t, and a message holding a token
        var html = CucumberLike;

        // When
        var scrubbed = ArtifactScrubber.Scrub(html, ArtifactFormat.Html);

        // Then the secret is gone from the data
        Assert.DoesNotContain(Secrets.Token, scrubbed, StringComparison.Ordinal);
        Assert.Contains($"token: {CredentialScrubber.Redacted}", scrubbed, StringComparison.Ordinal);

        // And nothing but that value changed: every other byte, the code and the style included, is the same
        Assert.Equal(html.Replace(Secrets.Token, CredentialScrubber.Redacted, StringComparison.Ordinal), scrubbed);
        Assert.Contains("\"password\"===t", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_javascript_scrubbed_as_data_is_damaged_which_is_why_html_is_scrubbed_by_its_format()
    {
        // Given the bundled script alone
        const string script = "var p={password:\"function\",token:n};return\"password\"===t";

        // When
        var asHtml = ArtifactScrubber.Scrub($"<script>{script}</script>", ArtifactFormat.Html);
        var asData = ArtifactScrubber.Scrub(script, ArtifactFormat.Data);

        // Then
        Assert.Equal($"<script>{script}</script>", asHtml);
        Assert.NotEqual(script, asData);
    }

    [Fact]
    public void Html_text_outside_scripts_is_scrubbed()
    {
        // Given
        var html = $"<html><body><pre>token: {Secrets.Token}</pre><script>var a=1;</script></body></html>";

        // When
        var scrubbed = ArtifactScrubber.Scrub(html, ArtifactFormat.Html);

        // Then
        Assert.Equal($"<html><body><pre>token: {CredentialScrubber.Redacted}</pre><script>var a=1;</script></body></html>", scrubbed);
    }

    [Theory]
    [InlineData("cucumber.ndjson")]
    [InlineData("run.trx")]
    [InlineData("pod.log")]
    [InlineData("kubeconfig.yaml")]
    public void Data_files_are_scrubbed_throughout(string name)
    {
        // Given
        var text = $"{{\"message\":\"token: {Secrets.Token}\"}}";

        // When
        var scrubbed = ArtifactScrubber.Scrub(text, ArtifactFormats.Of(name));

        // Then
        Assert.Equal(ArtifactFormat.Data, ArtifactFormats.Of(name));
        Assert.DoesNotContain(Secrets.Token, scrubbed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cucumber.html")]
    [InlineData("REPORT.HTM")]
    public void Html_files_are_told_by_their_name(string name)
    {
        // Given the name

        // When
        var format = ArtifactFormats.Of(name);

        // Then
        Assert.Equal(ArtifactFormat.Html, format);
    }
}
