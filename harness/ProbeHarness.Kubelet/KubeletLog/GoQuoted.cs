using System.Globalization;
using System.Text;

namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>Go's double-quoted string literals (<c>%q</c>, <c>strconv.Quote</c>), which klog uses for quoted arguments and values.</summary>
internal static class GoQuoted
{
    /// <summary>Reads the literal starting at <paramref name="start"/> (a <c>"</c>); returns its value and the index after the closing quote, or null when it is not a complete literal.</summary>
    public static (string Value, int End)? Read(string text, int start)
    {
        if (start >= text.Length || text[start] != '"')
        {
            return null;
        }

        // \x escapes are bytes (Go strings may hold any), so the value is built as UTF-8 and decoded at the end.
        var bytes = new List<byte>(text.Length - start);
        Span<byte> utf8 = stackalloc byte[4];
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                return (Encoding.UTF8.GetString(bytes.ToArray()), i + 1);
            }

            if (c != '\\')
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                var written = Encoding.UTF8.GetBytes(text.AsSpan(i, length), utf8);
                bytes.AddRange(utf8[..written]);
                i += length;
                continue;
            }

            if (i + 1 >= text.Length)
            {
                return null;
            }

            var escape = text[i + 1];
            i += 2;
            switch (escape)
            {
                case 'a': bytes.Add(0x07); break;
                case 'b': bytes.Add(0x08); break;
                case 'f': bytes.Add(0x0C); break;
                case 'n': bytes.Add(0x0A); break;
                case 'r': bytes.Add(0x0D); break;
                case 't': bytes.Add(0x09); break;
                case 'v': bytes.Add(0x0B); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case '"': bytes.Add((byte)'"'); break;
                case '\'': bytes.Add((byte)'\''); break;
                case 'x':
                    if (!Hex(text, i, 2, out var b))
                    {
                        return null;
                    }

                    bytes.Add((byte)b);
                    i += 2;
                    break;
                case 'u' or 'U':
                    var digits = escape == 'u' ? 4 : 8;
                    if (!Hex(text, i, digits, out var rune) || !Rune.IsValid(rune))
                    {
                        return null;
                    }

                    var size = new Rune(rune).EncodeToUtf8(utf8);
                    bytes.AddRange(utf8[..size]);
                    i += digits;
                    break;
                case >= '0' and <= '7':
                    if (i + 1 >= text.Length || !Octal(text.AsSpan(i - 1, 3), out var octal))
                    {
                        return null;
                    }

                    bytes.Add(octal);
                    i += 2;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The value of a whole literal (the text is exactly one quoted string), or null.</summary>
    public static string? Unquote(string text) =>
        Read(text, 0) is { } read && read.End == text.Length ? read.Value : null;

    private static bool Hex(string text, int start, int digits, out int value)
    {
        value = 0;
        return start + digits <= text.Length &&
               int.TryParse(text.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private static bool Octal(ReadOnlySpan<char> digits, out byte value)
    {
        var sum = 0;
        foreach (var d in digits)
        {
            if (d is < '0' or > '7')
            {
                value = 0;
                return false;
            }

            sum = (sum * 8) + (d - '0');
        }

        value = (byte)sum;
        return sum <= 255;
    }
}
