using System.Text.Json;

namespace ProbeHarness.TargetApp.Faults;

/// <summary>Reads a whole <see cref="FaultSnapshot"/> from JSON keyed by probe: <c>FAULTS_AT_START</c> and the persisted state file.</summary>
public static class FaultSnapshotParser
{
    /// <summary>The top-level keys: the three probes, <c>tcp</c> and <c>dependency</c>.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["liveness", "readiness", "startup", "tcp", "dependency"];

    /// <summary>Parses request-style bodies (relative <c>afterSeconds</c>/<c>forSeconds</c> from <paramref name="now"/>); absent keys stay healthy.</summary>
    public static FaultSnapshot ParseRequests(string json, DateTimeOffset now) =>
        Parse(json, (element, path) => ProbeFaultParser.Parse(element, path, now));

    /// <summary>Parses the persisted form written by <see cref="FaultSnapshot.WriteFieldsTo"/>.</summary>
    public static FaultSnapshot ParsePersisted(string json) =>
        Parse(json, ProbeFaultParser.ParsePersisted);

    /// <summary>Reads the body of <c>PUT /faults/tcp</c>: <c>{"open": bool}</c>.</summary>
    public static bool ParseTcpOpen(JsonElement body, string path) =>
        JsonFields.Of(body, path, ["open"]).Boolean("open")
        ?? throw new FaultInputException(string.IsNullOrEmpty(path) ? "open" : $"{path}.open", "is required (true or false)");

    /// <summary>Reads the body of <c>PUT /faults/dependency</c>: <c>{"available": bool}</c>.</summary>
    public static bool ParseDependencyAvailable(JsonElement body, string path) =>
        JsonFields.Of(body, path, ["available"]).Boolean("available")
        ?? throw new FaultInputException(string.IsNullOrEmpty(path) ? "available" : $"{path}.available", "is required (true or false)");

    private static FaultSnapshot Parse(string json, Func<JsonElement, string, ProbeFault> parseFault)
    {
        using var document = JsonDocumentReader.Parse(json);
        var root = document.RootElement;
        JsonFields.Of(root, string.Empty, Keys);
        var snapshot = FaultSnapshot.Healthy;
        foreach (var property in root.EnumerateObject())
        {
            snapshot = property.Name switch
            {
                "tcp" => snapshot with { TcpOpen = ParseTcpOpen(property.Value, "tcp") },
                "dependency" => snapshot with { DependencyAvailable = ParseDependencyAvailable(property.Value, "dependency") },
                _ when ProbeKindNames.TryParse(property.Name, out var kind) => snapshot.With(kind, parseFault(property.Value, property.Name)),
                _ => throw new FaultInputException(property.Name, "unknown field", Keys),
            };
        }

        return snapshot;
    }
}
