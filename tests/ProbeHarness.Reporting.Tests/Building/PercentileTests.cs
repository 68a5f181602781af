using ProbeHarness.Reporting.Building;

namespace ProbeHarness.Reporting.Tests.Building;

public sealed class PercentileTests
{
    [Theory]
    [InlineData(50, 2.5)]
    [InlineData(95, 3.85)]
    [InlineData(0, 1)]
    [InlineData(100, 4)]
    public void Interpolates_between_closest_ranks(double p, double expected)
    {
        // Given
        double[] values = [4, 1, 3, 2];

        // When
        var percentile = Percentile.Of(values, p);

        // Then
        Assert.Equal(expected, percentile, 10);
    }

    [Fact]
    public void No_values_is_an_error()
    {
        // Given
        double[] values = [];

        // When
        var failure = Assert.Throws<ArgumentException>(() => Percentile.Of(values, 50));

        // Then
        Assert.Equal("values", failure.ParamName);
    }
}
