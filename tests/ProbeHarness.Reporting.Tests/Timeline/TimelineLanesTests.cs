using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Timeline;

namespace ProbeHarness.Reporting.Tests.Timeline;

public sealed class TimelineLanesTests
{
    [Fact]
    public void Lanes_come_in_a_fixed_order_with_the_fault_window_first_and_timing_windows_last()
    {
        // Given a fault at +5 s and a kill 22.4 s ± 0.4 after it, in [20, 31] + 1 s
        var row = Reports.From(SampleRecords.Passed()).Scenarios[0];

        // When
        var layout = TimelineLanes.For(row);

        // Then every lane counts from the fault: 0 is the fault, the scenario's start is -5
        var lanes = layout.Lanes;
        Assert.Equal(["fault", "liveness", "ready", "restart", "window pod 1 fault→kill"], lanes.Select(l => l.Title));
        var fault = Assert.Single(lanes[0].Marks);
        Assert.Equal((0, layout.AxisEnd), (fault.Start, fault.End));
        Assert.Equal(-5, layout.AxisStart);
        Assert.True(layout.AxisEnd >= 48.2 - 5);
        Assert.All(lanes[1].Marks, m => Assert.Equal(MarkTone.Bad, m.Tone));
        Assert.Equal([(-5, 22.4, MarkTone.Good), (22.4, layout.AxisEnd, MarkTone.Bad)], lanes[2].Marks.Select(m => (m.Start, m.End, m.Tone)));
        var window = lanes[4].Marks;
        Assert.Equal([(20, 31, MarkTone.Window), (31, 32, MarkTone.Jitter), (22.4, 22.4, MarkTone.Good)], window.Select(m => (m.Start, m.End, m.Tone)));
        Assert.Equal((0.4, "22.4 s ± 0.4"), (window[2].Precision, window[2].Text));
    }

    [Fact]
    public void The_axis_is_labelled_from_the_first_fault_and_from_the_start_when_there_is_none()
    {
        // Given
        var withFault = Reports.From(SampleRecords.Passed()).Scenarios[0];
        var withoutFault = Reports.From(SampleRecords.HeldWithoutTiming() with { Timeline = [new TimelineEntry(2, "readiness", "web-0", "success", null)] }).Scenarios[0];

        // When
        var (fromFault, fromStart) = (TimelineLanes.For(withFault), TimelineLanes.For(withoutFault));

        // Then
        Assert.Equal((true, "seconds from the first fault"), (fromFault.FromFault, fromFault.AxisLabel));
        Assert.Equal((false, "seconds since the scenario started"), (fromStart.FromFault, fromStart.AxisLabel));
        Assert.Equal(2, fromStart.Lanes.Single().Marks.Single().Start);
        Assert.Equal(0, fromStart.AxisStart);
    }

    [Fact]
    public void Window_lanes_sit_where_the_records_put_them_so_the_restart_comes_after_the_kill()
    {
        // Given a kill at +22.4 s, its exit 0.6 s after the kill and the restart at +24.1 s, each with the instant it happened, recorded last first
        var record = SampleRecords.RestartWithExit();
        var row = Reports.From(record with { Timings = [.. record.Timings.Reverse()] }).Scenarios[0];

        // When
        var lanes = TimelineLanes.For(row).Lanes;

        // Then the lanes run cause first, each measurement where its record puts it
        Assert.Equal(
            ["window pod 1 fault→kill", "window pod 1 kill→exit", "window pod 1 fault→restart", "unattributed pod 1 fault→not-ready"],
            lanes.Where(l => l.Kind == LaneKind.Window).Select(l => l.Title));
        double MeasuredAt(string title) => lanes.Single(l => l.Title == title).Marks.Single(m => m.Tone is MarkTone.Good or MarkTone.Bad or MarkTone.Neutral).Start;
        var kill = MeasuredAt("window pod 1 fault→kill");
        var exit = MeasuredAt("window pod 1 kill→exit");
        var restart = MeasuredAt("window pod 1 fault→restart");
        Assert.Equal(22.4, kill, 6);
        Assert.Equal(23.0, exit, 6);
        Assert.Equal(24.1, restart, 6);
        Assert.True(kill < exit && exit < restart);
        var exitWindow = lanes.Single(l => l.Title == "window pod 1 kill→exit").Marks[0];
        Assert.Equal((22.4, 23.4), (Math.Round(exitWindow.Start, 6), Math.Round(exitWindow.End, 6)));
    }

    [Fact]
    public void An_unattributed_timing_is_drawn_grey_and_labelled_so_without_a_window()
    {
        // Given a Ready change 40 s after the fault that no fault can have caused
        var row = Reports.From(SampleRecords.RestartWithExit()).Scenarios[0];

        // When
        var lanes = TimelineLanes.For(row).Lanes;

        // Then
        var unattributed = lanes.Single(l => l.Title == "unattributed pod 1 fault→not-ready");
        var mark = Assert.Single(unattributed.Marks);
        Assert.Equal((40, MarkTone.Neutral, "unattributed 40.0 s ± 0.5"), (mark.Start, mark.Tone, mark.Text));
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
        var lanes = TimelineLanes.For(row).Lanes;

        // Then
        var fault = Assert.Single(lanes[0].Marks);
        Assert.Equal((0, 24.1), (fault.Start, Math.Round(fault.End, 6)));
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
        var lanes = TimelineLanes.For(row).Lanes;

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
        var lanes = TimelineLanes.For(row).Lanes;

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
