using System.Text;

namespace ProbeHarness.Emulated.Containers;

/// <summary>A write-only stream that keeps the first <c>limit</c> bytes and drops the rest (the kubelet's exec output cap), so the writer never blocks.</summary>
internal sealed class CappedOutput(int limit) : Stream
{
    private readonly MemoryStream _kept = new();

    /// <summary>The kept bytes as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => _kept.Length;

    /// <inheritdoc />
    public override long Position { get => _kept.Length; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count)
    {
        var room = (int)Math.Min(count, limit - _kept.Length);
        if (room > 0)
        {
            _kept.Write(buffer, offset, room);
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _kept.Dispose();
        }

        base.Dispose(disposing);
    }
}
