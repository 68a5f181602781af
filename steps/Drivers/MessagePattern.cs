using System.Text.RegularExpressions;

namespace ProbeHarness.Steps.Drivers;

/// <summary>How an event's message must look: exactly some text, or matching a regular expression.</summary>
/// <param name="Text">The text or the pattern.</param>
/// <param name="IsRegex">True for a regular expression (searched, not anchored), false for exact text.</param>
public sealed record MessagePattern(string Text, bool IsRegex)
{
    /// <summary>True when <paramref name="message"/> fits.</summary>
    public bool Matches(string message) => IsRegex ? Regex.IsMatch(message, Text, RegexOptions.None, TimeSpan.FromSeconds(1)) : message == Text;

    /// <inheritdoc/>
    public override string ToString() => IsRegex ? $"matching /{Text}/" : $"\"{Text}\"";
}
