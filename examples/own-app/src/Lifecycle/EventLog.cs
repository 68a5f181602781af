using System.Text.Encodings.Web;
using System.Text.Json;

namespace OwnApp.Lifecycle;

/// <summary>The service's own lifecycle lines on stdout, one JSON object each: <c>started</c>, <c>stopping</c>, <c>exited</c>.</summary>
public sealed class EventLog
{
    /// <summary>Writer options for every JSON line the service prints: quotes in messages stay readable.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    /// <summary>Writes to <paramref name="output"/> with timestamps from <paramref name="time"/>.</summary>
    public EventLog(TextWriter output, TimeProvider time)
    {
        _output = output;
        _time = time;
    }

    /// <summary>The listeners are set up: HTTP is listening, TCP opens after the listen delay.</summary>
    public void Started(OwnAppSettings settings, int httpPort) => Write("started", json =>
    {
        json.WriteNumber("pid", Environment.ProcessId);
        json.WriteString("bindAddress", settings.BindAddress.ToString());
        json.WriteNumber("port", httpPort);
        json.WriteNumber("tcpPort", settings.TcpPort);
        json.WriteNumber("warmupSeconds", settings.Warmup.TotalSeconds);
        json.WriteNumber("listenDelaySeconds", settings.ListenDelay.TotalSeconds);
    });

    /// <summary>A termination signal arrived and the graceful stop begins.</summary>
    public void Stopping(string signal) => Write("stopping", json => json.WriteString("signal", signal));

    /// <summary>The last line: the exit code and why; <paramref name="variable"/> names a bad setting.</summary>
    public void Exited(int exitCode, string reason, string? variable = null, string? message = null) => Write("exited", json =>
    {
        json.WriteNumber("exitCode", exitCode);
        json.WriteString("reason", reason);
        if (variable is not null)
        {
            json.WriteString("variable", variable);
        }

        if (message is not null)
        {
            json.WriteString("message", message);
        }
    });

    private void Write(string name, Action<Utf8JsonWriter> fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("event", name);
            json.WriteString("time", _time.GetUtcNow());
            fields(json);
            json.WriteEndObject();
        }

        var line = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        lock (_lock)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
