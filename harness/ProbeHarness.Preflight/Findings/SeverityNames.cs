namespace ProbeHarness.Preflight.Findings;

/// <summary>The lower-case names of <see cref="Severity"/> used on the command line and in every output (they are SARIF's levels too).</summary>
public static class SeverityNames
{
    /// <summary>The names, lowest first: <c>note</c>, <c>warning</c>, <c>error</c>.</summary>
    public static IReadOnlyList<string> All { get; } = ["note", "warning", "error"];

    /// <summary>The name of <paramref name="severity"/>, e.g. <c>warning</c>.</summary>
    public static string Name(this Severity severity) => All[(int)severity];

    /// <summary>Parses a name (case-insensitive); null when it is none of <see cref="All"/>.</summary>
    public static Severity? Parse(string text)
    {
        var index = All.ToList().FindIndex(name => string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (Severity)index;
    }
}
