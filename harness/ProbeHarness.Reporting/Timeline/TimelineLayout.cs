namespace ProbeHarness.Reporting.Timeline;

/// <summary>A scenario's timeline picture before it is drawn: its lanes on one time axis whose 0 is the first fault.</summary>
/// <param name="Lanes">The lanes, top to bottom.</param>
/// <param name="AxisStart">Where the axis starts, in seconds: the scenario's start (or an earlier event), negative when before the first fault.</param>
/// <param name="AxisEnd">Where the axis ends, in seconds.</param>
/// <param name="FromFault">True when 0 is the first fault; false when the scenario injected none and 0 is its start.</param>
public sealed record TimelineLayout(IReadOnlyList<TimelineLane> Lanes, double AxisStart, double AxisEnd, bool FromFault)
{
    /// <summary>What the time axis is labelled.</summary>
    public string AxisLabel => FromFault ? "seconds from the first fault" : "seconds since the scenario started";
}
