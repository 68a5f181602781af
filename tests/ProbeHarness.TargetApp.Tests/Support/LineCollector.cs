using System.Text;

namespace ProbeHarness.TargetApp.Tests.Support;

/// <summary>A writer that keeps what it was given, readable while another thread writes.</summary>
public sealed class LineCollector : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>The complete lines written so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                var text = _text.ToString();
                var complete = text[..(text.LastIndexOf('\n') + 1)];
                return complete.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    /// <inheritdoc />
    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }
}
