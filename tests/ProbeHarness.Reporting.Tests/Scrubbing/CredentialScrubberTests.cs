using ProbeHarness.Reporting.Scrubbing;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Scrubbing;

public sealed class CredentialScrubberTests
{
    [Theory]
    [InlineData("Authorization: Bearer sk-live-0123456789abcdefXYZ", "sk-live-0123456789abcdefXYZ")]
    [InlineData("curl -H 'authorization: bearer sk-live-0123456789abcdefXYZ'", "sk-live-0123456789abcdefXYZ")]
    [InlineData("request sent with Bearer sk-live-0123456789abcdefXYZ ok", "sk-live-0123456789abcdefXYZ")]
    [InlineData("    token: abc123supersecrettoken", "abc123supersecrettoken")]
    [InlineData("{\"token\":\"abc123supersecrettoken\"}", "abc123supersecrettoken")]
    [InlineData("client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=", "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=")]
    [InlineData("client-certificate-data: LS0tLS1DRVJUSUZJQ0FURS0tLS0t", "LS0tLS1DRVJUSUZJQ0FURS0tLS0t")]
    [InlineData("PASSWORD=hunter2xyz", "hunter2xyz")]
    [InlineData("id-token: eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2ln", "eyJzdWIiOiJzeXN0ZW06c2EifQ")]
    [InlineData("saw eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJl in the log", "eyJzdWIiOiJzeXN0ZW06c2EifQ")]
    [InlineData("K10abcdef0123456789abcdef::server:s3cr3tpassw0rd", "s3cr3tpassw0rd")]
    [InlineData("https://admin:s3cr3tpassw0rd@127.0.0.1:6443/api", "s3cr3tpassw0rd")]
    public void Removes_the_credential(string text, string secret)
    {
        // Given the text

        // When
        var scrubbed = CredentialScrubber.Scrub(text);

        // Then
        Assert.DoesNotContain(secret, scrubbed, StringComparison.Ordinal);
        Assert.Contains(CredentialScrubber.Redacted, scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Removes_a_whole_private_key_block()
    {
        // Given
        var text = $"before\n{Secrets.PemKey}\nafter";

        // When
        var scrubbed = CredentialScrubber.Scrub(text);

        // Then
        Assert.Equal($"before\n-----BEGIN RSA PRIVATE KEY-----{CredentialScrubber.Redacted}-----END RSA PRIVATE KEY-----\nafter", scrubbed);
    }

    [Theory]
    [InlineData("restartCount: 1")]
    [InlineData("Readiness probe failed: HTTP probe failed with statuscode: 503")]
    [InlineData("volumes:\n- secret:\n    secretName: web-tls")]
    [InlineData("serviceAccountToken: true")]
    [InlineData("function(e){return{token:e,secret:t}}")]
    public void Leaves_ordinary_text_alone(string text)
    {
        // Given the text

        // When
        var scrubbed = CredentialScrubber.Scrub(text);

        // Then
        Assert.Equal(text, scrubbed);
    }

    [Fact]
    public void Scrubbing_twice_changes_nothing_more()
    {
        // Given
        var once = CredentialScrubber.Scrub("token: abc123supersecrettoken and Bearer sk-live-0123456789abcdefXYZ");

        // When
        var twice = CredentialScrubber.Scrub(once);

        // Then
        Assert.Equal(once, twice);
    }
}
