using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;

namespace ProbeHarness.Reporting.Tests.Building;

public sealed class TimingRolesTests
{
    [Fact]
    public void Sorts_timings_into_detection_action_and_recovery()
    {
        // Given
        IReadOnlyList<TimingRecord> timings =
        [
            SampleRecords.Timing("fault→kill", 22, 20, 31, "within-bound"),
            SampleRecords.Timing("fault→not-ready", 11, 10, 16, "within-bound"),
            new TimingRecord("heal→ready", 3, null, null, null, "unbounded"),
        ];

        // When
        var (detection, action, recovery) = (TimingRoles.Detection(timings), TimingRoles.Action(timings), TimingRoles.Recovery(timings));

        // Then
        Assert.Equal("fault→not-ready", detection?.Name);
        Assert.Equal("fault→kill", action?.Name);
        Assert.Equal("heal→ready", recovery?.Name);
    }

    [Fact]
    public void A_kill_is_the_detection_when_nothing_else_is_bounded()
    {
        // Given
        IReadOnlyList<TimingRecord> timings = [SampleRecords.Timing("fault→kill", 22, 20, 31, "within-bound")];

        // When
        var detection = TimingRoles.Detection(timings);

        // Then
        Assert.Equal("fault→kill", detection?.Name);
    }
}
