using System.Globalization;

namespace ProbeHarness.Kubelet.Semantics;

/// <summary>One probe validation error, printed like apimachinery's <c>field.Error</c>: <c>&lt;path&gt;: Invalid value: 2: must be 1</c>.</summary>
/// <param name="Field">The field path, e.g. <c>spec.template.spec.containers[0].livenessProbe.successThreshold</c>.</param>
/// <param name="Type">The error type.</param>
/// <param name="BadValue">The offending value (int, long, string) or null when the type prints none.</param>
/// <param name="Detail">The explanation, e.g. <c>must be 1</c>; may be empty.</param>
/// <param name="Origin">Whether the API server rejects it or only the kubelet trips over it.</param>
public sealed record ProbeFieldError(string Field, FieldErrorType Type, object? BadValue, string Detail, FieldErrorOrigin Origin = FieldErrorOrigin.ApiServer)
{
    /// <summary>The Go rendering (<c>field.Error.Error()</c>).</summary>
    public override string ToString()
    {
        var body = Type switch
        {
            FieldErrorType.Required => "Required value",
            FieldErrorType.Forbidden => "Forbidden",
            FieldErrorType.NotFound => $"Not found: {Format(BadValue)}",
            FieldErrorType.NotSupported => $"Unsupported value: {Format(BadValue)}",
            _ => $"Invalid value: {Format(BadValue)}",
        };
        return string.IsNullOrEmpty(Detail) ? $"{Field}: {body}" : $"{Field}: {body}: {Detail}";
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string text => Quote(text),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    /// <summary>Go's <c>%q</c> for the plain strings validation prints.</summary>
    internal static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
