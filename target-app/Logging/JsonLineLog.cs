using System.Buffers;
using System.Text.Json;

namespace ProbeHarness.TargetApp.Logging;

/// <summary>Writes one JSON object per line to stdout, so a timeline can be rebuilt from the container log.</summary>
public sealed class JsonLineLog
{
    private readonly string _instanceId;
    private readonly TextWriter _output;
    private readonly Lock _gate = new();

    /// <summary>Creates a log whose lines all carry <paramref name="instanceId"/>.</summary>
    public JsonLineLog(string instanceId, TextWriter output)
    {
        _instanceId = instanceId;
        _output = output;
    }

    /// <summary>Writes a line of the given kind with the fields <paramref name="writeFields"/> adds after the common ones.</summary>
    public void Write(string kind, Action<Utf8JsonWriter> writeFields) => WriteLine(null, null, kind, writeFields);

    /// <summary>Writes an event line: the <see cref="AppEventNames.Marker"/> field and <c>at</c> first, then the common fields (kind <c>event</c>), then <paramref name="writeFields"/>'s.</summary>
    public void WriteEvent(string name, DateTimeOffset at, Action<Utf8JsonWriter> writeFields) =>
        WriteLine(name, at, AppEventNames.LineKind, writeFields);

    private void WriteLine(string? eventName, DateTimeOffset? at, string kind, Action<Utf8JsonWriter> writeFields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            json.WriteStartObject();
            if (eventName is not null && at is { } instant)
            {
                // The marker comes first so a reader of mixed output can tell event lines at a glance.
                json.WriteString(AppEventNames.Marker, eventName);
                json.WriteString("at", JsonOutput.Instant(instant));
            }

            json.WriteString("time", JsonOutput.Instant(DateTimeOffset.UtcNow));
            json.WriteString("kind", kind);
            json.WriteString("instance", _instanceId);
            writeFields(json);
            json.WriteEndObject();
        }

        var line = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (_gate)
        {
            // One write per line keeps lines whole even when ASP.NET's own logger writes at the same time.
            _output.Write(line + "\n");
            _output.Flush();
        }
    }
}
