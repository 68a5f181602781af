namespace ProbeHarness.Reporting.Tests.Samples;

/// <summary>Credential-shaped strings the report must never contain.</summary>
public static class Secrets
{
    public const string Token = "abc123supersecrettoken";

    public const string Bearer = "sk-live-0123456789abcdefXYZ";

    public const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJlc2VjcmV0";

    public const string ClientKeyData = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=";

    public const string KeyMaterial = "MIIEowIBAAKCAQEAverysecretkeymaterial";

    public const string PemKey = "-----BEGIN RSA PRIVATE KEY-----\n" + KeyMaterial + "\n-----END RSA PRIVATE KEY-----";

    /// <summary>Every secret above; none may appear in any report file.</summary>
    public static IReadOnlyList<string> All { get; } = [Token, Bearer, Jwt, ClientKeyData, KeyMaterial];
}
