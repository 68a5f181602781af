using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProbeHarness.Kubernetes.Tests.Support;

/// <summary>API server responses in wire format, kept under Responses/.</summary>
public static class Responses
{
    public static string Read(string name) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Responses", name));

    /// <summary>One item of a list response, optionally with another resourceVersion.</summary>
    public static JsonObject Item(string listFile, int index, string? resourceVersion = null)
    {
        var item = JsonNode.Parse(Read(listFile))!["items"]![index]!.AsObject().DeepClone().AsObject();
        if (resourceVersion is not null)
        {
            item["metadata"]!["resourceVersion"] = resourceVersion;
        }

        return item;
    }

    /// <summary>A list response with the given items and resourceVersion.</summary>
    public static string List(string kind, string apiVersion, string resourceVersion, params JsonObject[] items) =>
        new JsonObject
        {
            ["kind"] = kind,
            ["apiVersion"] = apiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
            ["items"] = new JsonArray(items.Select(item => (JsonNode)item.DeepClone()).ToArray()),
        }.ToJsonString();

    /// <summary>A watch event line: <c>{"type":"ADDED","object":{…}}</c>.</summary>
    public static string Event(string type, JsonObject item) =>
        new JsonObject { ["type"] = type, ["object"] = item.DeepClone() }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
