namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>
/// Turns klog's header time (month, day, time of day, microseconds; no year, no zone) into an instant: in the kubelet's
/// time zone, in the year that puts it nearest to a reference instant (so a log across New Year reads right).
/// </summary>
/// <param name="Zone">The kubelet process's time zone (the local cluster starts it with <c>TZ=UTC</c>).</param>
/// <param name="Reference">An instant from the same run, e.g. the first scenario's start or the log file's modification time.</param>
public sealed record KubeletLogClock(TimeZoneInfo Zone, DateTimeOffset Reference)
{
    /// <summary>UTC, near <paramref name="reference"/>.</summary>
    public static KubeletLogClock Utc(DateTimeOffset reference) => new(TimeZoneInfo.Utc, reference);

    /// <summary>The instant of a header time; null when the date exists in none of the candidate years (e.g. 30 February).</summary>
    /// <param name="month">1–12.</param>
    /// <param name="day">1–31.</param>
    /// <param name="timeOfDay">Hours, minutes, seconds and the fraction (microseconds).</param>
    public DateTimeOffset? Resolve(int month, int day, TimeSpan timeOfDay)
    {
        DateTimeOffset? best = null;
        for (var year = Reference.Year - 1; year <= Reference.Year + 1; year++)
        {
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || timeOfDay < TimeSpan.Zero || timeOfDay >= TimeSpan.FromDays(1))
            {
                continue;
            }

            var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified) + timeOfDay;
            // A local time skipped by a daylight-saving jump cannot come from the kubelet's clock; the zone's standard offset stands in.
            var offset = Zone.IsInvalidTime(local) ? Zone.BaseUtcOffset : Zone.GetUtcOffset(local);
            var instant = new DateTimeOffset(local, offset);
            if (best is null || (instant - Reference).Duration() < (best.Value - Reference).Duration())
            {
                best = instant;
            }
        }

        return best;
    }
}
