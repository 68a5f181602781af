using System.Text;
using System.Text.Json;
using ProbeHarness.TargetApp.Faults;

namespace ProbeHarness.TargetApp.Http;

/// <summary>Reads a small JSON request body; malformed JSON becomes a <see cref="FaultInputException"/> naming line and position.</summary>
public static class RequestBody
{
    private const int MaxBytes = 64 * 1024;

    /// <summary>The body as text (at most 64 KiB).</summary>
    public static async Task<string> ReadTextAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var buffer = new char[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(total), context.RequestAborted)) > 0)
        {
            total += read;
        }

        return total > MaxBytes
            ? throw new FaultInputException(string.Empty, $"body is larger than {MaxBytes} bytes")
            : new string(buffer, 0, total);
    }

    /// <summary>Parses <paramref name="text"/>; an empty body is the empty object.</summary>
    public static JsonDocument Parse(string text) => JsonDocumentReader.Parse(text);
}
