namespace ProbeHarness.Reporting.Building;

/// <summary>Percentiles by linear interpolation between closest ranks (the spreadsheet PERCENTILE.INC rule).</summary>
public static class Percentile
{
    /// <summary>The <paramref name="p"/>-th percentile (0–100) of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">No values, or p outside 0–100.</exception>
    public static double Of(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A percentile needs at least one value.", nameof(values));
        }

        if (p is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile is between 0 and 100.");
        }

        var rank = p / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }
}
