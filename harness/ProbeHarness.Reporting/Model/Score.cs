namespace ProbeHarness.Reporting.Model;

/// <summary>A share with what it counts, so every output can explain it.</summary>
/// <param name="Name">e.g. <c>conformance</c>.</param>
/// <param name="Numerator">The items that count in favour.</param>
/// <param name="Denominator">The items considered.</param>
/// <param name="Explanation">One sentence saying what is counted and what is left out.</param>
public sealed record Score(string Name, int Numerator, int Denominator, string Explanation)
{
    /// <summary>Numerator over denominator, or null when nothing was considered.</summary>
    public double? Ratio => Denominator == 0 ? null : (double)Numerator / Denominator;

    /// <summary>e.g. <c>92.3 % (12/13)</c>, or <c>n/a (0/0)</c>.</summary>
    public string Display => Ratio is { } ratio
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ratio * 100:0.0} % ({Numerator}/{Denominator})")
        : $"n/a ({Numerator}/{Denominator})";
}
