namespace ProbeHarness.Steps.Steps;

/// <summary>A quoted value in a step, in which <c>\"</c> stands for a quote.</summary>
public static class QuotedText
{
    /// <summary>The regex of a quoted value, quotes included, capturing what is between them.</summary>
    public const string Pattern = @"""((?:[^""\\]|\\.)*)""";

    /// <summary>The value with each <c>\"</c> turned into a quote.</summary>
    public static string Unescape(string text) => text.Replace("\\\"", "\"", StringComparison.Ordinal);
}
