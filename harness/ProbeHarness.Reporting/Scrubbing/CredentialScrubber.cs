using System.Text.RegularExpressions;

namespace ProbeHarness.Reporting.Scrubbing;

/// <summary>Removes credentials (bearer tokens, keys, certificates, kubeconfig secrets, JWTs, passwords in URLs) from report text.</summary>
public static partial class CredentialScrubber
{
    /// <summary>What a removed credential is replaced with.</summary>
    public const string Redacted = "[redacted]";

    /// <summary>Returns <paramref name="text"/> with every credential it recognises replaced by <see cref="Redacted"/>.</summary>
    /// <remarks>Values stop at quotes, <c>&lt;</c> and backslashes, so scrubbed XML, JSON and NDJSON stay well-formed.</remarks>
    public static string Scrub(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Order matters: whole blocks first, so a key's body is not half-matched by the token rules below.
        var scrubbed = PemBlock().Replace(text, $"-----BEGIN $1-----{Redacted}-----END $1-----");
        scrubbed = AuthorizationHeader().Replace(scrubbed, $"$1$2 {Redacted}");
        scrubbed = BearerToken().Replace(scrubbed, $"$1 {Redacted}");
        scrubbed = SecretField().Replace(scrubbed, $"$1$2{Redacted}");
        scrubbed = JsonWebToken().Replace(scrubbed, Redacted);
        scrubbed = K3sToken().Replace(scrubbed, Redacted);
        scrubbed = UrlUserInfo().Replace(scrubbed, $"$1{Redacted}@");
        return scrubbed;
    }

    /// <summary>Scrubs a value that may be null.</summary>
    public static string? ScrubOrNull(string? text) => text is null ? null : Scrub(text);

    [GeneratedRegex(@"-----BEGIN ([A-Z0-9 ]+)-----.*?-----END \1-----", RegexOptions.Singleline)]
    private static partial Regex PemBlock();

    [GeneratedRegex(@"(?i)(authorization[""']?[ \t]*[:=][ \t]*[""']?)(bearer|basic|token)\s+[^\s""',;<\\]+")]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?i)\b(bearer)\s+(?!\[redacted\])[A-Za-z0-9\-._~+/]{8,}=*")]
    private static partial Regex BearerToken();

    // kubeconfig and YAML/JSON/env style "name: value" pairs whose value is a secret. Values of three characters or
    // fewer are left: no credential is that short, but minified script in Cucumber's HTML has "{token:e,".
    [GeneratedRegex(
        @"(?i)(?<![\w-])((?:client-key-data|client-certificate-data|certificate-authority-data|client-key|id-token|refresh-token|access-token|access_token|refresh_token|id_token|client-secret|client_secret|token|password|passwd|secret|api[-_]?key)[""']?)([ \t]*[:=][ \t]*[""']?)(?!\[redacted\])[^\s""',}<\\]{4,}")]
    private static partial Regex SecretField();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")]
    private static partial Regex JsonWebToken();

    [GeneratedRegex(@"\bK10[0-9a-f]{16,}::[^\s""'<\\]+")]
    private static partial Regex K3sToken();

    [GeneratedRegex(@"([a-z][a-z0-9+.-]*://)[^/\s:@]+:[^/\s@]+@")]
    private static partial Regex UrlUserInfo();
}
