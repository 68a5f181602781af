using System.Globalization;

namespace ProbeHarness.Preflight.Rules;

/// <summary>Seconds as findings print them: <c>35</c>, <c>2.5</c>.</summary>
public static class Seconds
{
    /// <summary>The number of seconds of <paramref name="value"/>, invariant, up to three decimals.</summary>
    public static string Of(TimeSpan value) => Of(value.TotalSeconds);

    /// <summary><paramref name="value"/>, invariant, up to three decimals.</summary>
    public static string Of(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
