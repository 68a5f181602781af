namespace ProbeHarness.Kubelet.Timing;

/// <summary>A measured time from a cause to its effect, as the interval both instants allow; never negative (an effect does not precede its cause).</summary>
/// <param name="EarliestSeconds">The shortest the time can be.</param>
/// <param name="LatestSeconds">The longest the time can be.</param>
public sealed record MeasuredDuration(double EarliestSeconds, double LatestSeconds)
{
    /// <summary>The value published: the middle of the interval, rounded to milliseconds.</summary>
    public double Seconds => Math.Round((EarliestSeconds + LatestSeconds) / 2, 3);

    /// <summary>Half the interval's width, rounded to milliseconds.</summary>
    public double PrecisionSeconds => Math.Round((LatestSeconds - EarliestSeconds) / 2, 3);

    /// <summary>The time from <paramref name="cause"/> to <paramref name="effect"/>: [effect.Earliest − cause.Latest, effect.Latest − cause.Earliest], floored at 0.</summary>
    public static MeasuredDuration Between(MeasuredInstant cause, MeasuredInstant effect)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(effect);
        var latest = Math.Max(0, (effect.Latest - cause.Earliest).TotalSeconds);
        var earliest = Math.Clamp((effect.Earliest - cause.Latest).TotalSeconds, 0, latest);
        return new MeasuredDuration(earliest, latest);
    }
}
