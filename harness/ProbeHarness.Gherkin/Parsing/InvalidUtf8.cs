namespace ProbeHarness.Gherkin.Parsing;

/// <summary>The first byte of a feature file that is not UTF-8, located by byte offset, line and byte column.</summary>
/// <param name="Offset">The 0-based byte offset of the first invalid byte.</param>
/// <param name="Value">The invalid byte itself.</param>
/// <param name="Line">The 1-based line it is on (lines counted by LF bytes).</param>
/// <param name="Column">The 1-based byte column of it within its line.</param>
public sealed record InvalidUtf8(long Offset, byte Value, int Line, int Column)
{
    /// <summary>The error as a sentence, naming the offset and the byte, e.g. <c>byte 0xE9 at byte offset 42 is not UTF-8; …</c>.</summary>
    public string Describe() =>
        $"byte 0x{Value:X2} at byte offset {Offset} is not UTF-8; feature files must be UTF-8 "
        + "(this one looks saved in another encoding, e.g. Latin-1: convert it, e.g. iconv -f latin1 -t utf-8).";
}
