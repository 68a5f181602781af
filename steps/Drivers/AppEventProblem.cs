namespace ProbeHarness.Steps.Drivers;

/// <summary>A line that carries the event marker but could not be read as an event: reported, never dropped silently.</summary>
/// <param name="Log">The container log the line is in.</param>
/// <param name="LineNumber">Its number in that log, from 1.</param>
/// <param name="Problem">What is wrong, naming the field, e.g. <c>at: missing</c>.</param>
/// <param name="Line">The line (its first 300 characters).</param>
/// <param name="Incomplete">True when it is the log's last line and has no line end: a write may still be under way, or the process died mid-line.</param>
public sealed record AppEventProblem(AppLogInstance Log, int LineNumber, string Problem, string Line, bool Incomplete)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{(Log == AppLogInstance.Previous ? "previous" : "current")} log line {LineNumber}{(Incomplete ? " (incomplete)" : "")}: {Problem}: {Line}";
}
