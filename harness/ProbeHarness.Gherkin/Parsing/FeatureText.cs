using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ProbeHarness.Gherkin.Parsing;

/// <summary>Decodes a feature file's bytes as strict UTF-8 (an optional UTF-8 byte order mark is dropped).</summary>
public static class FeatureText
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Decodes <paramref name="bytes"/>; false with <paramref name="invalid"/> set at the first byte that is not UTF-8,
    /// and <paramref name="text"/> then decoded with replacement characters (for tag scanning and messages only).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out InvalidUtf8? invalid)
    {
        var start = bytes.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        var body = bytes[start..];
        var buffer = new char[body.Length];
        var status = Utf8.ToUtf16(body, buffer, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            text = new string(buffer, 0, written);
            invalid = null;
            return true;
        }

        text = Encoding.UTF8.GetString(body);
        invalid = Locate(bytes, start + read);
        return false;
    }

    private static InvalidUtf8 Locate(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        return new InvalidUtf8(offset, bytes[offset], line, offset - lineStart + 1);
    }
}
