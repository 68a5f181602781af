using System.Text;
using ProbeHarness.TargetApp.Faults;

namespace ProbeHarness.TargetApp.Http;

/// <summary>Reads a small request body as text (parse it with <see cref="JsonDocumentReader"/>).</summary>
public static class RequestBody
{
    private const int MaxCharacters = 64 * 1024;

    /// <summary>The body as text (at most 64 KiB).</summary>
    public static async Task<string> ReadTextAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var buffer = new char[MaxCharacters + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(total), context.RequestAborted)) > 0)
        {
            total += read;
        }

        return total > MaxCharacters
            ? throw new FaultInputException(string.Empty, $"body is longer than {MaxCharacters} characters")
            : new string(buffer, 0, total);
    }
}
