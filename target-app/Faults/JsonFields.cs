using System.Text.Json;

namespace ProbeHarness.TargetApp.Faults;

/// <summary>Typed, validated access to one JSON object's fields; every error names the field's full path.</summary>
public sealed class JsonFields
{
    private readonly JsonElement _object;
    private readonly string _path;

    private JsonFields(JsonElement obj, string path)
    {
        _object = obj;
        _path = path;
    }

    /// <summary>Wraps <paramref name="element"/>, which must be an object with only <paramref name="allowedFields"/>.</summary>
    public static JsonFields Of(JsonElement element, string path, IReadOnlyList<string> allowedFields)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FaultInputException(path, $"must be a JSON object, not {Describe(element)}");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!allowedFields.Contains(property.Name))
            {
                throw new FaultInputException(Join(path, property.Name), "unknown field", allowedFields);
            }
        }

        return new JsonFields(element, path);
    }

    /// <summary>Whether the field is present (and not null).</summary>
    public bool Has(string name) => _object.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The full path of field <paramref name="name"/>.</summary>
    public string PathOf(string name) => Join(_path, name);

    /// <summary>A string field, or null when absent.</summary>
    public string? String(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FaultInputException(PathOf(name), $"must be a string, not {Describe(value)}");
    }

    /// <summary>A boolean field, or null when absent.</summary>
    public bool? Boolean(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FaultInputException(PathOf(name), $"must be true or false, not {Describe(value)}"),
        };
    }

    /// <summary>A whole-number field within [<paramref name="min"/>, <paramref name="max"/>], or null when absent.</summary>
    public int? Integer(string name, int min, int max)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw new FaultInputException(PathOf(name), $"must be a whole number ({min}-{max}), not {Describe(value)}");
        }

        return number >= min && number <= max
            ? number
            : throw new FaultInputException(PathOf(name), $"{number} is out of range ({min}-{max})");
    }

    /// <summary>A number field within [<paramref name="min"/>, <paramref name="max"/>], or null when absent.</summary>
    public double? Number(string name, double min, double max)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new FaultInputException(PathOf(name), $"must be a number ({min}-{max}), not {Describe(value)}");
        }

        var number = value.GetDouble();
        return number >= min && number <= max
            ? number
            : throw new FaultInputException(PathOf(name), $"{number} is out of range ({min}-{max})");
    }

    /// <summary>An ISO-8601 time field, or null when absent.</summary>
    public DateTimeOffset? Time(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time)
            ? time
            : throw new FaultInputException(PathOf(name), $"must be an ISO-8601 time, not {Describe(value)}");
    }

    private bool TryGet(string name, out JsonElement value) =>
        _object.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string Join(string path, string name) => string.IsNullOrEmpty(path) ? name : $"{path}.{name}";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };
}
