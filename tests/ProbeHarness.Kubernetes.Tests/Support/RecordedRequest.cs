namespace ProbeHarness.Kubernetes.Tests.Support;

/// <summary>One request the stub API server received.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    string Body,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers)
{
    public bool IsWatch => Query.TryGetValue("watch", out var watch) && watch == "true";
}
