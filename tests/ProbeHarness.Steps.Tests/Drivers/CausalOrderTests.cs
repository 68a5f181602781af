using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Steps.Drivers;

namespace ProbeHarness.Steps.Tests.Drivers;

public sealed class CausalOrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_restart_read_from_a_truncated_start_time_is_never_published_before_its_kill()
    {
        // Given (seen on the emulated backend): the Killing event at +1.36 s exactly, the new run's startedAt truncated to +1 s
        var kill = MeasuredInstant.Exact(T0.AddSeconds(1.36), InstantSource.ServerSeconds);
        var restart = MeasuredInstant.FromServer(T0.AddSeconds(1));

        // When
        var ordered = CausalOrder.Order([null, kill, null, restart])!;

        // Then the restart lies in [1.36, 2] s, after the kill
        Assert.Equal(T0.AddSeconds(1.36), ordered[3]!.Earliest);
        Assert.Equal(T0.AddSeconds(2), ordered[3]!.Latest);
        Assert.True(ordered[3]!.Mid > ordered[1]!.Mid);
    }

    [Fact]
    public void A_cause_is_capped_by_its_effect_and_a_contradiction_is_refused()
    {
        // Given a first failure stamped in the second [5, 6) and a kill known at 5.2 s
        var failure = MeasuredInstant.FromServer(T0.AddSeconds(5));
        var kill = MeasuredInstant.Exact(T0.AddSeconds(5.2));

        // When
        var ordered = CausalOrder.Order([failure, kill])!;
        var contradiction = CausalOrder.Order([MeasuredInstant.Exact(T0.AddSeconds(9)), kill]);

        // Then
        Assert.Equal((T0.AddSeconds(5), T0.AddSeconds(5.2)), (ordered[0]!.Earliest, ordered[0]!.Latest));
        Assert.Null(contradiction);
    }
}
