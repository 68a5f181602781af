namespace ProbeHarness.Kubelet.Timing;

/// <summary>When something happened, as the interval [<see cref="Earliest"/>, <see cref="Latest"/>] its source allows.</summary>
/// <param name="Earliest">The earliest the instant can be.</param>
/// <param name="Latest">The latest the instant can be.</param>
/// <param name="Source">Where the interval comes from.</param>
public sealed record MeasuredInstant(DateTimeOffset Earliest, DateTimeOffset Latest, InstantSource Source)
{
    /// <summary>The width of a whole-second server timestamp.</summary>
    public static readonly TimeSpan ServerResolution = TimeSpan.FromSeconds(1);

    /// <summary>The middle of the interval: the value published.</summary>
    public DateTimeOffset Mid => Earliest + ((Latest - Earliest) / 2);

    /// <summary>Half the interval's width: how far <see cref="Mid"/> may be from the truth.</summary>
    public double PrecisionSeconds => (Latest - Earliest).TotalSeconds / 2;

    /// <summary>An instant known to the millisecond (the app's event log).</summary>
    public static MeasuredInstant Exact(DateTimeOffset at, InstantSource source = InstantSource.AppLog) => new(at, at, source);

    /// <summary>A whole-second server timestamp: the instant lies in [t, t + 1 s); later than <paramref name="seenAt"/> it cannot be.</summary>
    public static MeasuredInstant FromServer(DateTimeOffset truncated, DateTimeOffset? seenAt = null)
    {
        var latest = truncated + ServerResolution;
        return seenAt is { } seen && seen >= truncated && seen < latest
            ? new MeasuredInstant(truncated, seen, InstantSource.Combined)
            : new MeasuredInstant(truncated, latest, InstantSource.ServerSeconds);
    }

    /// <summary>Between two readings of the harness's clock, e.g. a request sent and its answer received.</summary>
    public static MeasuredInstant Between(DateTimeOffset earliest, DateTimeOffset latest) =>
        latest >= earliest ? new MeasuredInstant(earliest, latest, InstantSource.HarnessClock) : throw new ArgumentException("latest is before earliest", nameof(latest));

    /// <summary>The instant both intervals allow, or null when they do not overlap (the sources disagree).</summary>
    public MeasuredInstant? Intersect(MeasuredInstant other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var earliest = Earliest > other.Earliest ? Earliest : other.Earliest;
        var latest = Latest < other.Latest ? Latest : other.Latest;
        if (earliest > latest)
        {
            return null;
        }

        var source = earliest == Earliest && latest == Latest ? Source
            : earliest == other.Earliest && latest == other.Latest ? other.Source
            : InstantSource.Combined;
        return new MeasuredInstant(earliest, latest, source);
    }

    /// <summary>The same interval, but no earlier than <paramref name="cause"/> can have made it happen; null when it lies wholly before.</summary>
    public MeasuredInstant? NotBefore(MeasuredInstant cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        if (Latest < cause.Earliest)
        {
            return null;
        }

        return Earliest >= cause.Earliest ? this : this with { Earliest = cause.Earliest, Source = InstantSource.Combined };
    }

    /// <summary>The interval moved by <paramref name="offset"/> (a scheduled fault's delay).</summary>
    public MeasuredInstant Plus(TimeSpan offset) => this with { Earliest = Earliest + offset, Latest = Latest + offset };
}
