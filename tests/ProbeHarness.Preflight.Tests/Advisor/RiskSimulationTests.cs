using ProbeHarness.Preflight.Advisor;

namespace ProbeHarness.Preflight.Tests.Advisor;

/// <summary>
/// The risk formula against a simulation on fake time: probe attempts every periodSeconds, each answer's latency drawn (seeded) from the
/// recorded liveness latencies, an attempt slower than timeoutSeconds a failure, the kubelet's consecutive-failure counter (reset by
/// a success, and by the restart that failureThreshold failures cause).
/// </summary>
public sealed class RiskSimulationTests
{
    private const int Timeout = 1;

    [Fact]
    public void The_share_of_periods_ending_failure_threshold_slow_answers_in_a_row_matches_p_to_the_threshold()
    {
        // Given the recorded liveness latencies (3 of 112 slower than 1 s) and failureThreshold 2
        var latencies = AdvisorData.Samples(AdvisorData.Run).LatenciesOf(Kubelet.Probing.ProbeType.Liveness);
        var p = FalseRestartRisk.Exceeding(latencies, Timeout).Empirical;
        var random = new Random(17);
        const int threshold = 2, periods = 2_000_000;

        // When: count the periods whose attempt is the last of `threshold` slow ones in a row (no reset: the window slides)
        var inARow = 0;
        var ending = 0;
        for (var i = 0; i < periods; i++)
        {
            inARow = Draw(latencies, random) > Timeout ? inARow + 1 : 0;
            ending += inARow >= threshold ? 1 : 0;
        }

        // Then
        var simulated = (double)ending / periods;
        var predicted = FalseRestartRisk.PerPeriod(p, threshold);
        Assert.InRange(simulated, predicted * 0.9, predicted * 1.1);
    }

    [Fact]
    public void The_share_of_days_with_a_false_restart_matches_the_risk_per_day()
    {
        // Given the recorded liveness latencies, periodSeconds 60 and failureThreshold 2 (a risk of about 0.64 a day)
        var latencies = AdvisorData.Samples(AdvisorData.Run).LatenciesOf(Kubelet.Probing.ProbeType.Liveness);
        var p = FalseRestartRisk.Exceeding(latencies, Timeout).Empirical;
        var random = new Random(42);
        const int threshold = 2, period = 60, days = 4000;

        // When: each simulated day runs on a fake clock from 0 to 86400 s; a restart resets the counter
        var daysWithRestart = 0;
        for (var day = 0; day < days; day++)
        {
            var failures = 0;
            var restarted = false;
            for (double now = 0; now < FalseRestartRisk.SecondsPerDay; now += Math.Max(period, Timeout))
            {
                failures = Draw(latencies, random) > Timeout ? failures + 1 : 0;
                if (failures == threshold)
                {
                    restarted = true;
                    failures = 0;
                }
            }

            daysWithRestart += restarted ? 1 : 0;
        }

        // Then: within 5 % (sampling noise about 1.2 %; the formula's independent windows ignore the reset, about 1.5 % here)
        var simulated = (double)daysWithRestart / days;
        var predicted = FalseRestartRisk.PerDay(p, threshold, period);
        Assert.InRange(simulated, predicted * 0.95, predicted * 1.05);
    }

    private static double Draw(IReadOnlyList<double> latencies, Random random) => latencies[random.Next(latencies.Count)];
}
