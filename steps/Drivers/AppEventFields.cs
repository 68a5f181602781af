using System.Globalization;
using System.Text.Json;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Typed reads of an event line's optional fields: absent or null is null, a value of the wrong type is an <see cref="AppEventFormatException"/>.</summary>
internal sealed class AppEventFields(JsonElement root)
{
    // The app writes "yyyy-MM-ddTHH:mm:ss.fffZ"; any fraction (or none) is accepted, an offset other than Z is not.
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>A string field.</summary>
    public string? String(string name) =>
        Value(name) is { } value ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw Wrong(name, value, "a string") : null;

    /// <summary>A whole-number field that fits an int.</summary>
    public int? Int(string name) =>
        Value(name) is { } value ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Wrong(name, value, "a whole number") : null;

    /// <summary>A whole-number field that fits a long.</summary>
    public long? Long(string name) =>
        Value(name) is { } value ? value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw Wrong(name, value, "a whole number") : null;

    /// <summary>A number field.</summary>
    public double? Double(string name) =>
        Value(name) is { } value ? value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw Wrong(name, value, "a number") : null;

    /// <summary>A true/false field.</summary>
    public bool? Bool(string name) =>
        Value(name) is { } value ? value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Wrong(name, value, "true or false") : null;

    /// <summary>A UTC ISO-8601 instant ending in <c>Z</c>, e.g. <c>2026-12-02T13:04:05.123Z</c>.</summary>
    public DateTimeOffset? Instant(string name)
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new AppEventFormatException($"{name}: '{text}' is not a UTC instant like 2026-12-02T13:04:05.123Z");
    }

    /// <summary>A probe name: <c>liveness</c>, <c>readiness</c> or <c>startup</c>.</summary>
    public ProbeKind? Probe(string name) => String(name) switch
    {
        null => null,
        "liveness" => ProbeKind.Liveness,
        "readiness" => ProbeKind.Readiness,
        "startup" => ProbeKind.Startup,
        var other => throw new AppEventFormatException($"{name}: '{other}' is not a probe (liveness, readiness, startup)"),
    };

    private JsonElement? Value(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static AppEventFormatException Wrong(string name, JsonElement value, string expected) =>
        new($"{name}: {value.GetRawText()} is not {expected}");
}
