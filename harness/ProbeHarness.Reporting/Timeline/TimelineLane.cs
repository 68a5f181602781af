using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Timeline;

/// <summary>One horizontal lane of a scenario's timeline picture.</summary>
/// <param name="Title">The lane's label, e.g. <c>liveness</c> or <c>ready (web-1)</c>.</param>
/// <param name="Kind">How the lane is drawn.</param>
/// <param name="Marks">What the lane shows, in time order.</param>
public sealed record TimelineLane(string Title, LaneKind Kind, IReadOnlyList<LaneMark> Marks);

/// <summary>How a lane is drawn.</summary>
public enum LaneKind
{
    /// <summary>Fault windows: shaded spans from injection to heal.</summary>
    Fault,

    /// <summary>Probe results: one dot per result, green success, red failure.</summary>
    Probe,

    /// <summary>A state that holds until it changes (Ready, endpoint): bars, green when good, red when not.</summary>
    State,

    /// <summary>Restarts and kills: triangles with their value.</summary>
    Event,

    /// <summary>A timing's window (shaded, its jitter lighter) and its measurement (diamond with its precision as an error bar).</summary>
    Window,
}

/// <summary>One thing drawn on a lane.</summary>
/// <param name="Start">Seconds on the picture's axis (see <see cref="TimelineLayout"/>).</param>
/// <param name="End">Where a span or bar ends (equal to start for points).</param>
/// <param name="Tone">Good, bad or neutral: the colour.</param>
/// <param name="Text">The value or label shown with it.</param>
public sealed record LaneMark(double Start, double End, MarkTone Tone, string Text)
{
    /// <summary>For a measurement: how far the truth may lie either side of <see cref="Start"/>, in seconds (drawn as an error bar).</summary>
    public double Precision { get; init; }
}

/// <summary>The colour a mark is drawn in.</summary>
public enum MarkTone
{
    /// <summary>Success, ready, serving, within bound.</summary>
    Good,

    /// <summary>Failure, not ready, removed, late or missed.</summary>
    Bad,

    /// <summary>Timeouts, values that are neither, and timings no fault can have caused (unattributed).</summary>
    Neutral,

    /// <summary>A fault window or a timing's allowed window.</summary>
    Window,

    /// <summary>The kubelet's jitter: how much later than the window's latest a real kubelet may still react.</summary>
    Jitter,
}
