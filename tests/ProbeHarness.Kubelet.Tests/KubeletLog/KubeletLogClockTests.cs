using ProbeHarness.Kubelet.KubeletLog;

namespace ProbeHarness.Kubelet.Tests.KubeletLog;

/// <summary>klog header times (no year, local zone) to instants.</summary>
public sealed class KubeletLogClockTests
{
    [Fact]
    public void The_year_is_the_reference_year_with_microseconds_kept()
    {
        // Given a UTC clock near 2 December 2026
        var clock = KubeletLogClock.Utc(new DateTimeOffset(2026, 12, 2, 14, 0, 0, TimeSpan.Zero));

        // When a header time of that day is resolved
        var at = clock.Resolve(12, 2, new TimeSpan(0, 13, 4, 5) + TimeSpan.FromTicks(1_234_560));

        // Then it is that instant, to the microsecond
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 13, 4, 5, TimeSpan.Zero).AddTicks(1_234_560), at);
    }

    [Fact]
    public void A_line_from_late_December_read_in_January_is_from_the_year_before()
    {
        // Given a reference just after New Year
        var clock = KubeletLogClock.Utc(new DateTimeOffset(2027, 1, 1, 0, 5, 0, TimeSpan.Zero));

        // When a 31 December line is resolved
        var at = clock.Resolve(12, 31, new TimeSpan(23, 59, 0));

        // Then it is from 2026
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 59, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public void The_kubelets_zone_is_applied()
    {
        // Given a kubelet two hours east of UTC
        var zone = TimeZoneInfo.CreateCustomTimeZone("test+2", TimeSpan.FromHours(2), "test+2", "test+2");
        var clock = new KubeletLogClock(zone, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        // When a local 12:00 is resolved
        var at = clock.Resolve(6, 1, new TimeSpan(12, 0, 0));

        // Then it is 10:00 UTC
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero), at!.Value.ToUniversalTime());
    }

    [Fact]
    public void A_day_that_does_not_exist_is_null()
    {
        // Given / When / Then
        Assert.Null(KubeletLogClock.Utc(DateTimeOffset.UnixEpoch.AddYears(56)).Resolve(2, 30, TimeSpan.Zero));
    }
}
