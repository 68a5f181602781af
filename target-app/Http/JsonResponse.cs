using System.Text.Json;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Logging;

namespace ProbeHarness.TargetApp.Http;

/// <summary>Writes small JSON responses without reflection-based serialization (it costs start-up time).</summary>
public static class JsonResponse
{
    /// <summary>Answers <paramref name="statusCode"/> with the JSON object whose fields <paramref name="writeFields"/> writes.</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> writeFields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            json.WriteStartObject();
            writeFields(json);
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }

    /// <summary>Answers 400 naming the field, the problem and the allowed values.</summary>
    public static Task WriteBadRequestAsync(HttpContext context, FaultInputException error) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, json => WriteError(json, error));

    /// <summary>Writes the fields of an error body: <c>error</c>, <c>field</c>, <c>problem</c>, <c>allowed</c>.</summary>
    public static void WriteError(Utf8JsonWriter json, FaultInputException error)
    {
        json.WriteString("error", error.Message);
        json.WriteString("field", error.Field);
        json.WriteString("problem", error.Problem);
        if (error.Allowed is { } allowed)
        {
            json.WriteStartArray("allowed");
            foreach (var value in allowed)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }
    }
}
