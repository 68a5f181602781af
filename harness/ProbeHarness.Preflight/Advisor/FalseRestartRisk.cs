namespace ProbeHarness.Preflight.Advisor;

/// <summary>
/// The false-restart risk of a probe from its measured latencies: an attempt fails when the answer takes longer than
/// <c>timeoutSeconds</c>, with probability p = the fraction of samples slower than the timeout (empirical); the kubelet
/// acts on failureThreshold consecutive failures, so with independent attempts the risk per period is p^fT and per day
/// 1 − (1 − p^fT)^(86400 / periodSeconds).
/// </summary>
public static class FalseRestartRisk
{
    /// <summary>Seconds in a day.</summary>
    public const double SecondsPerDay = 86400;

    /// <summary>The share of <paramref name="latencies"/> (seconds) above <paramref name="timeoutSeconds"/>: k of n.</summary>
    public static Exceedance Exceeding(IReadOnlyList<double> latencies, double timeoutSeconds)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        return new Exceedance(latencies.Count(l => l > timeoutSeconds), latencies.Count);
    }

    /// <summary>p^fT: the chance that fT attempts in a row fail (independent attempts).</summary>
    public static double PerPeriod(double p, int failureThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failureThreshold, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(p);
        return Math.Pow(p, failureThreshold);
    }

    /// <summary>1 − (1 − p^fT)^(86400 / period): the chance of at least one false detection in a day of probing.</summary>
    public static double PerDay(double p, int failureThreshold, double periodSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodSeconds);
        var perPeriod = PerPeriod(p, failureThreshold);

        if (perPeriod >= 1)
        {
            return 1;
        }

        // Computed as −expm1(N·log1p(−x)): 1 − (1 − x)^N rounds tiny risks to 0.
        var exponent = SecondsPerDay / periodSeconds * LogOnePlus(-perPeriod);
        return -ExpMinusOne(exponent);
    }

    // log(1 + x), exact for small |x| (three series terms below 1e-4).
    private static double LogOnePlus(double x) => Math.Abs(x) < 1e-4 ? x - (x * x / 2) + (x * x * x / 3) : Math.Log(1 + x);

    // e^x − 1, exact for small |x|.
    private static double ExpMinusOne(double x) => Math.Abs(x) < 1e-4 ? x + (x * x / 2) + (x * x * x / 6) : Math.Exp(x) - 1;
}

/// <summary>k of n latency samples were slower than a timeout.</summary>
/// <param name="Count">k, the samples above the timeout.</param>
/// <param name="Samples">n, all samples.</param>
public sealed record Exceedance(int Count, int Samples)
{
    /// <summary>k / n (0 without samples).</summary>
    public double Empirical => Samples == 0 ? 0 : (double)Count / Samples;

    /// <summary>
    /// max(k/n, 3/n): a sample of n cannot show a probability below 3/n (the "rule of three", a 95 % upper bound when
    /// k = 0), so the advisor never treats an unseen slow answer as impossible. 1 without samples.
    /// </summary>
    public double Resolvable => Samples == 0 ? 1 : Math.Max(Empirical, 3.0 / Samples);
}
