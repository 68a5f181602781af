using System.Globalization;
using System.Text;

namespace ProbeHarness.Kubelet.Internal;

/// <summary>Formats durations the way Go's <c>time.Duration.String()</c> does (<c>10s</c>, <c>1m20s</c>, <c>5m0s</c>, <c>1.5s</c>, <c>500ms</c>), as kubelet messages show them.</summary>
internal static class GoDuration
{
    /// <summary>The Go rendering of <paramref name="duration"/>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var negative = duration < TimeSpan.Zero;
        var ticks = Math.Abs(duration.Ticks);
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }

        if (ticks < TimeSpan.TicksPerSecond)
        {
            // Go switches to ms/µs/ns below one second; ticks are 100 ns.
            if (ticks >= TimeSpan.TicksPerMillisecond)
            {
                builder.Append(Fraction(ticks, TimeSpan.TicksPerMillisecond)).Append("ms");
            }
            else
            {
                builder.Append(Fraction(ticks, 10)).Append("µs");
            }

            return builder.ToString();
        }

        var hours = ticks / TimeSpan.TicksPerHour;
        var minutes = ticks % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute;
        var secondTicks = ticks % TimeSpan.TicksPerMinute;
        if (hours > 0)
        {
            builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        builder.Append(Fraction(secondTicks, TimeSpan.TicksPerSecond)).Append('s');
        return builder.ToString();
    }

    private static string Fraction(long ticks, long unit)
    {
        var whole = ticks / unit;
        var rest = ticks % unit;
        if (rest == 0)
        {
            return whole.ToString(CultureInfo.InvariantCulture);
        }

        var digits = ((decimal)rest / unit).ToString("0.#######", CultureInfo.InvariantCulture).TrimStart('0');
        return whole.ToString(CultureInfo.InvariantCulture) + digits;
    }
}
