using ProbeHarness.Kubelet.Timing;

namespace ProbeHarness.Kubelet.Tests.Timing;

/// <summary>Interval arithmetic of measured instants and durations: precision from the source, never an effect before its cause.</summary>
public sealed class MeasuredInstantTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_whole_second_server_timestamp_stands_for_the_second_after_it_capped_by_when_the_watch_saw_it()
    {
        // Given a truncated timestamp, alone and seen 0.3 s into its second
        var alone = MeasuredInstant.FromServer(T0);
        var seen = MeasuredInstant.FromServer(T0, T0.AddSeconds(0.3));

        // When / Then
        Assert.Equal((T0, T0.AddSeconds(1), 0.5), (alone.Earliest, alone.Latest, alone.PrecisionSeconds));
        Assert.Equal((T0, T0.AddSeconds(0.3)), (seen.Earliest, seen.Latest));
        Assert.Equal(T0.AddSeconds(0.5), alone.Mid);
    }

    [Fact]
    public void A_reaction_in_the_same_second_as_its_fault_is_never_negative()
    {
        // Given the fault sent at 12:00:00.600 and answered at .700, and the first failure's event stamped 12:00:00 (truncated)
        var fault = MeasuredInstant.Between(T0.AddSeconds(0.6), T0.AddSeconds(0.7));
        var failure = MeasuredInstant.FromServer(T0);

        // When
        var measured = MeasuredDuration.Between(fault, failure);

        // Then the time lies in [0, 0.4] s (it read −0.6 s when the truncated second was taken as exact)
        Assert.Equal(0, measured.EarliestSeconds);
        Assert.Equal(0.4, measured.LatestSeconds, 6);
        Assert.Equal(0.2, measured.Seconds);
        Assert.Equal(0.2, measured.PrecisionSeconds);
    }

    [Fact]
    public void Sources_that_do_not_overlap_disagree_and_overlapping_ones_narrow_the_instant()
    {
        // Given the app's own millisecond log and a server second
        var server = MeasuredInstant.FromServer(T0);
        var app = MeasuredInstant.Exact(T0.AddSeconds(0.42));
        var elsewhere = MeasuredInstant.Exact(T0.AddSeconds(1.5));

        // When
        var both = server.Intersect(app);
        var contradiction = server.Intersect(elsewhere);

        // Then
        Assert.Equal((T0.AddSeconds(0.42), T0.AddSeconds(0.42), InstantSource.AppLog), (both!.Earliest, both.Latest, both.Source));
        Assert.Null(contradiction);
    }

    [Fact]
    public void An_effect_is_moved_no_earlier_than_its_cause_and_one_wholly_before_it_is_refused()
    {
        // Given a cause at [1, 2] s
        var cause = new MeasuredInstant(T0.AddSeconds(1), T0.AddSeconds(2), InstantSource.HarnessClock);

        // When
        var overlapping = MeasuredInstant.FromServer(T0.AddSeconds(1)).NotBefore(MeasuredInstant.Exact(T0.AddSeconds(1.5)));
        var before = MeasuredInstant.Exact(T0).NotBefore(cause);

        // Then
        Assert.Equal(T0.AddSeconds(1.5), overlapping!.Earliest);
        Assert.Null(before);
    }
}
