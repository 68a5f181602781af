using ProbeHarness.Reporting.Building;

namespace ProbeHarness.Reporting.Benchmark;

/// <summary>The median, 95th percentile and maximum of one figure over the measured scenarios, in seconds.</summary>
/// <param name="Count">How many scenarios the figure comes from.</param>
/// <param name="Median">The 50th percentile.</param>
/// <param name="P95">The 95th percentile (<see cref="Percentile"/>'s interpolation between closest ranks).</param>
/// <param name="Max">The largest value.</param>
public sealed record BenchmarkSpread(int Count, double Median, double P95, double Max)
{
    /// <summary>The spread of <paramref name="values"/>, or null when there are none.</summary>
    public static BenchmarkSpread? Of(IReadOnlyCollection<double> values) => values.Count == 0
        ? null
        : new BenchmarkSpread(values.Count, Percentile.Of(values, 50), Percentile.Of(values, 95), values.Max());
}
