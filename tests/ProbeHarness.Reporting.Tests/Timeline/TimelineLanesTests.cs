using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Timeline;

namespace ProbeHarness.Reporting.Tests.Timeline;

public sealed class TimelineLanesTests
{
    [Fact]
    public void Lanes_come_in_a_fixed_order_with_the_fault_window_first_and_timing_windows_last()
    {
        // Given
        var row = Reports.From(SampleRecords.Passed()).Scenarios[0];

        // When
        var (lanes, axisEnd) = TimelineLanes.For(row);

        // Then
        Assert.Equal(["fault", "liveness", "ready", "restart", "window pod 1 fault→kill"], lanes.Select(l => l.Title));
        var fault = Assert.Single(lanes[0].Marks);
        Assert.Equal((5, axisEnd), (fault.Start, fault.End));
        Assert.True(axisEnd >= 48.2);
        Assert.All(lanes[1].Marks, m => Assert.Equal(MarkTone.Bad, m.Tone));
        Assert.Equal([(0, 27.4, MarkTone.Good), (27.4, axisEnd, MarkTone.Bad)], lanes[2].Marks.Select(m => (m.Start, m.End, m.Tone)));
        var window = lanes[4].Marks;
        Assert.Equal((25, 36), (window[0].Start, window[0].End));
        Assert.Equal((27.4, MarkTone.Good), (window[1].Start, window[1].Tone));
    }

    [Fact]
    public void A_heal_entry_ends_the_fault_window()
    {
        // Given
        var record = SampleRecords.Passed() with
        {
            Timeline = [new TimelineEntry(5, "fault", "web-0", "inject", null), new TimelineEntry(29.1, "fault", "web-0", "healed", null)],
        };
        var row = Reports.From(record).Scenarios[0];

        // When
        var (lanes, _) = TimelineLanes.For(row);

        // Then
        var fault = Assert.Single(lanes[0].Marks);
        Assert.Equal((5, 29.1), (fault.Start, fault.End));
    }

    [Fact]
    public void Several_pods_in_one_lane_get_a_lane_each()
    {
        // Given
        var record = SampleRecords.HeldWithoutTiming() with
        {
            Timeline = [new TimelineEntry(1, "readiness", "web-0", "success", null), new TimelineEntry(1, "readiness", "web-1", "failure", null)],
        };
        var row = Reports.From(record).Scenarios[0];

        // When
        var (lanes, _) = TimelineLanes.For(row);

        // Then
        Assert.Equal(["readiness (web-0)", "readiness (web-1)"], lanes.Select(l => l.Title));
    }

    [Fact]
    public void Events_a_moment_apart_share_one_mark()
    {
        // Given
        var record = SampleRecords.HeldWithoutTiming() with
        {
            Timeline =
            [
                new TimelineEntry(3.11, "event", "web-0", "Pulled", null),
                new TimelineEntry(3.11, "event", "web-0", "Created", null),
                new TimelineEntry(3.113, "event", "web-0", "Started", null),
                new TimelineEntry(9, "event", "web-0", "Killing", null),
            ],
        };
        var row = Reports.From(record).Scenarios[0];

        // When
        var (lanes, _) = TimelineLanes.For(row);

        // Then
        Assert.Equal([(3.11, "Pulled, Created, Started"), (9, "Killing")], lanes.Single().Marks.Select(m => (m.Start, m.Text)));
    }

    [Theory]
    [InlineData("success", MarkTone.Good)]
    [InlineData("True", MarkTone.Good)]
    [InlineData("ready=true", MarkTone.Good)]
    [InlineData("failure", MarkTone.Bad)]
    [InlineData("False", MarkTone.Bad)]
    [InlineData("not-ready", MarkTone.Bad)]
    [InlineData("ready=false", MarkTone.Bad)]
    [InlineData("timeout", MarkTone.Neutral)]
    [InlineData("ready=true, serving=true, terminating=false", MarkTone.Good)]
    [InlineData("ready=false, serving=false, terminating=false", MarkTone.Bad)]
    [InlineData("serving=true", MarkTone.Good)]
    public void Values_get_their_tone(string value, MarkTone tone)
    {
        // Given the value

        // When
        var actual = TimelineLanes.ToneOf(value);

        // Then
        Assert.Equal(tone, actual);
    }
}
