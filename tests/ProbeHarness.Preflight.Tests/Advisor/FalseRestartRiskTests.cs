using ProbeHarness.Preflight.Advisor;

namespace ProbeHarness.Preflight.Tests.Advisor;

/// <summary>The risk maths: p = k/n above the timeout, p^fT per period, 1 − (1 − p^fT)^(86400/period) per day.</summary>
public sealed class FalseRestartRiskTests
{
    [Fact]
    public void The_share_above_the_timeout_counts_only_answers_strictly_slower()
    {
        // Given
        double[] latencies = [0.002, 0.5, 1.0, 1.2, 3.0];

        // When
        var slow = FalseRestartRisk.Exceeding(latencies, 1);

        // Then
        Assert.Equal(new Exceedance(2, 5), slow);
        Assert.Equal(0.4, slow.Empirical, 12);
    }

    [Theory]
    [InlineData(0.1, 3, 10, 0.001)]
    [InlineData(0.5, 1, 30, 0.5)]
    [InlineData(0.2, 2, 5, 0.04)]
    public void The_risk_per_period_is_p_to_the_failure_threshold(double p, int threshold, double period, double expected)
    {
        // When
        var perPeriod = FalseRestartRisk.PerPeriod(p, threshold);
        var perDay = FalseRestartRisk.PerDay(p, threshold, period);

        // Then
        Assert.Equal(expected, perPeriod, 12);
        Assert.Equal(1 - Math.Pow(1 - expected, 86400 / period), perDay, 9);
    }

    [Fact]
    public void A_tiny_risk_per_day_is_not_rounded_to_zero()
    {
        // Given p^fT = 1e-18, 8640 periods a day: 1 − (1 − 1e-18)^8640 is 0 in doubles, the risk is 8.64e-15
        var naive = 1 - Math.Pow(1 - 1e-18, 8640);

        // When
        var perDay = FalseRestartRisk.PerDay(1e-6, 3, 10);

        // Then
        Assert.Equal(0, naive);
        Assert.Equal(8.64e-15, perDay, 1e-20);
    }

    [Theory]
    [InlineData(0, 3, 10, 0)]
    [InlineData(1, 3, 10, 1)]
    public void No_slow_answer_is_no_risk_and_only_slow_answers_are_certain_restarts(double p, int threshold, double period, double expected)
    {
        Assert.Equal(expected, FalseRestartRisk.PerDay(p, threshold, period));
    }

    [Fact]
    public void The_resolvable_share_is_at_least_three_over_n()
    {
        // Given: no slow answer in 100 samples, then 5 in 100
        var none = new Exceedance(0, 100);
        var some = new Exceedance(5, 100);

        // Then
        Assert.Equal(0, none.Empirical);
        Assert.Equal(0.03, none.Resolvable, 12);
        Assert.Equal(0.05, some.Resolvable, 12);
        Assert.Equal(1, new Exceedance(0, 0).Resolvable);
    }

    [Fact]
    public void A_failure_threshold_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FalseRestartRisk.PerPeriod(0.1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FalseRestartRisk.PerDay(0.1, 3, 0));
    }
}
