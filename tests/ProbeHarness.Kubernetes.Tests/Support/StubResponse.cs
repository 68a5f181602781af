using System.Text.Json;

namespace ProbeHarness.Kubernetes.Tests.Support;

/// <summary>What the stub API server answers: a status with a JSON body, or a watch stream of event lines.</summary>
public sealed record StubResponse(int Code, string Body, IReadOnlyList<string>? WatchLines = null, bool HoldOpen = false, byte[]? Binary = null)
{
    /// <summary>A binary body, e.g. the tar stream of <c>docker save</c>.</summary>
    public static StubResponse Bytes(byte[] content) => new(200, string.Empty, Binary: content);

    public static StubResponse Json(string json, int status = 200) => new(status, json);

    public static StubResponse File(string name) => new(200, Responses.Read(name));

    /// <summary>A Kubernetes Status object, as the API server sends with 4xx and 5xx.</summary>
    public static StubResponse Status(int code, string reason, string message) => new(code, JsonSerializer.Serialize(new
    {
        kind = "Status",
        apiVersion = "v1",
        metadata = new { },
        status = "Failure",
        message,
        reason,
        code,
    }));

    /// <summary>A chunked watch stream: each line is sent and flushed; then the stream closes, or stays open until the client leaves.</summary>
    public static StubResponse Watch(IEnumerable<string> lines, bool holdOpen = false) => new(200, string.Empty, lines.ToList(), holdOpen);

    /// <summary>A watch stream that sends nothing and stays open until the client leaves.</summary>
    public static StubResponse QuietWatch() => new(200, string.Empty, [], HoldOpen: true);
}
