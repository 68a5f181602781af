using System.Text.Json;

namespace ProbeHarness.TargetApp.Faults;

/// <summary>Parses JSON text, turning syntax errors into a <see cref="FaultInputException"/> that names line and position.</summary>
public static class JsonDocumentReader
{
    /// <summary>Parses <paramref name="json"/>; an empty text is the empty object.</summary>
    public static JsonDocument Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return JsonDocument.Parse("{}");
        }

        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            // JsonException counts lines and bytes from zero; people count from one.
            var line = (exception.LineNumber ?? 0) + 1;
            var position = (exception.BytePositionInLine ?? 0) + 1;
            throw new FaultInputException(string.Empty, $"malformed JSON at line {line}, position {position}: {FirstSentence(exception.Message)}");
        }
    }

    // The runtime appends its own zero-based "LineNumber: 0 | BytePositionInLine: 11." and "Path: $"; ours replace them.
    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " LineNumber:", " Path:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd();
    }
}
