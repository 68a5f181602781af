using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Timeline;

/// <summary>Turns a scenario's timeline, faults and timings into lanes on one time axis.</summary>
public static class TimelineLanes
{
    private const double EventClusterSeconds = 0.25;

    private static readonly string[] LaneOrder = ["fault", "startup", "liveness", "readiness", "ready", "endpoint", "container", "restart"];
    private static readonly string[] ProbeLanes = ["startup", "liveness", "readiness"];
    private static readonly string[] StateLanes = ["ready", "endpoint", "container", "started"];
    private static readonly string[] HealWords = ["heal", "clear", "stop", "end", "recover", "restore", "remove"];
    private static readonly string[] BadWords = ["fail", "false", "not", "unready", "removed", "terminat", "unhealthy", "down", "error", "crash"];
    private static readonly string[] GoodWords = ["success", "true", "ready", "serving", "added", "ok", "pass", "healthy", "up", "running"];

    /// <summary>The lanes, top to bottom, on an axis in seconds from the first fault (negative before it), and the axis they need.</summary>
    public static TimelineLayout For(ScenarioRow row)
    {
        var starts = FaultStarts(row);
        // Every lane counts from the first fault, so a timing's window and the events it measures line up.
        var origin = starts.Count == 0 ? 0 : starts.Min(s => s.At);
        var windows = WindowLanes(row, origin, starts.Count > 0).ToList();
        var (axisStart, axisEnd) = Axis(row, origin, windows);
        var lanes = new List<TimelineLane>();
        var faultMarks = FaultWindows(row, starts, origin, axisEnd);
        if (faultMarks.Count > 0)
        {
            lanes.Add(new TimelineLane("fault", LaneKind.Fault, faultMarks));
        }

        var groups = row.Timeline
            .Where(e => !e.Lane.Equals("fault", StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => e.Lane.ToLowerInvariant())
            .OrderBy(g => Array.IndexOf(LaneOrder, g.Key) is var i && i < 0 ? LaneOrder.Length : i)
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var lane in groups)
        {
            var pods = lane.Select(e => e.Pod).Distinct().ToList();
            foreach (var pod in pods)
            {
                var entries = lane.Where(e => e.Pod == pod).OrderBy(e => e.At).Select(e => e with { At = e.At - origin }).ToList();
                var title = pods.Count > 1 ? $"{lane.Key} ({pod})" : lane.Key;
                lanes.Add(Lane(title, lane.Key, entries, axisEnd));
            }
        }

        lanes.AddRange(windows);
        return new TimelineLayout(lanes, axisStart, axisEnd, starts.Count > 0);
    }

    /// <summary>Good, bad or neutral for a timeline value such as <c>failure</c>, <c>True</c> or <c>ready=false</c>.</summary>
    public static MarkTone ToneOf(string value)
    {
        // "ready=true, serving=true, terminating=false": the ready condition decides, else the first pair's value.
        var pairs = value.Split(',').Select(p => p.Split('=', 2)).Where(kv => kv.Length == 2).ToList();
        if (pairs.Count > 0)
        {
            var decisive = pairs.FirstOrDefault(kv => kv[0].Trim().Equals("ready", StringComparison.OrdinalIgnoreCase)) ?? pairs[0];
            return ToneOfWord(decisive[1].Trim());
        }

        return ToneOfWord(value);
    }

    private static MarkTone ToneOfWord(string value)
    {
        var word = value.ToLowerInvariant();
        if (word.Contains("timeout"))
        {
            return MarkTone.Neutral;
        }

        if (BadWords.Any(word.Contains))
        {
            return MarkTone.Bad;
        }

        return GoodWords.Any(word.Contains) ? MarkTone.Good : MarkTone.Neutral;
    }

    private static TimelineLane Lane(string title, string lane, List<TimelineEntry> entries, double axisEnd)
    {
        if (ProbeLanes.Contains(lane))
        {
            return new TimelineLane(title, LaneKind.Probe, entries.Select(e => new LaneMark(e.At, e.At, ToneOf(e.Value), e.Value)).ToList());
        }

        if (StateLanes.Contains(lane))
        {
            var bars = entries
                .Select((e, i) => new LaneMark(e.At, i + 1 < entries.Count ? entries[i + 1].At : axisEnd, ToneOf(e.Value), e.Value))
                .ToList();
            return new TimelineLane(title, LaneKind.State, bars);
        }

        return new TimelineLane(title, LaneKind.Event, Clustered(entries));
    }

    // Events a moment apart (Pulled, Created, Started) would print over each other: one mark says them all.
    private static List<LaneMark> Clustered(List<TimelineEntry> entries)
    {
        var marks = new List<LaneMark>();
        foreach (var entry in entries)
        {
            if (marks.Count > 0 && entry.At - marks[^1].Start <= EventClusterSeconds)
            {
                var last = marks[^1];
                marks[^1] = last.Text.Split(", ").Contains(entry.Value) ? last : last with { Text = $"{last.Text}, {entry.Value}" };
            }
            else
            {
                marks.Add(new LaneMark(entry.At, entry.At, MarkTone.Neutral, entry.Value));
            }
        }

        return marks;
    }

    // The faults as recorded, else the fault-lane entries that are not heals.
    private static List<(double At, string Description)> FaultStarts(ScenarioRow row)
    {
        var starts = row.Faults.Select(f => (f.At, f.Description)).ToList();
        return starts.Count > 0
            ? starts
            : row.Timeline
                .Where(e => e.Lane.Equals("fault", StringComparison.OrdinalIgnoreCase) && !HealWords.Any(e.Value.ToLowerInvariant().Contains))
                .Select(e => (e.At, Description: e.Value))
                .ToList();
    }

    // Each fault lasts until the next fault-lane entry that heals it, else to the end of the axis.
    private static List<LaneMark> FaultWindows(ScenarioRow row, List<(double At, string Description)> starts, double origin, double axisEnd)
    {
        var heals = row.Timeline
            .Where(e => e.Lane.Equals("fault", StringComparison.OrdinalIgnoreCase) && HealWords.Any(e.Value.ToLowerInvariant().Contains))
            .Select(e => e.At - origin)
            .Order()
            .ToList();
        return starts
            .Select(s => new LaneMark(s.At - origin, heals.FirstOrDefault(h => h > s.At - origin, axisEnd), MarkTone.Window, s.Description))
            .ToList();
    }

    // Each judged timing gets a lane with its window, its jitter and its measurement; an unattributed one its measurement only,
    // in grey. Each is drawn where its record puts it, and the lanes run in the order the measured reactions happened (a missed
    // one where its window opens), so cause sits above effect.
    private static IEnumerable<TimelineLane> WindowLanes(ScenarioRow row, double origin, bool hasFault) =>
        UnorderedWindowLanes(row, origin, hasFault)
            .OrderBy(lane => lane.Marks.FirstOrDefault(m => m.Tone is not (MarkTone.Window or MarkTone.Jitter))?.Start ?? lane.Marks.FirstOrDefault()?.Start ?? 0);

    private static IEnumerable<TimelineLane> UnorderedWindowLanes(ScenarioRow row, double origin, bool hasFault)
    {
        foreach (var timing in row.Timings.Where(t => t.IsBounded || t.Verdict == TimingVerdict.Unattributed))
        {
            if (ReferenceAt(row, timing, hasFault ? origin : null) is not { } reference)
            {
                continue;
            }

            var from = reference - origin;
            var unattributed = timing.Verdict == TimingVerdict.Unattributed;
            var marks = new List<LaneMark>();
            if (!unattributed)
            {
                var min = timing.BoundMinSeconds ?? 0;
                var max = timing.BoundMaxSeconds ?? min;
                marks.Add(new LaneMark(from + min, from + max, MarkTone.Window, Format.Window(timing)));
                if (timing.JitterSeconds is > 0 and var jitter)
                {
                    marks.Add(new LaneMark(from + max, from + max + jitter, MarkTone.Jitter, $"+ {Format.Seconds(jitter)} jitter"));
                }
            }

            if (timing.MeasuredSeconds is { } measured)
            {
                var tone = unattributed ? MarkTone.Neutral : timing.Verdict == TimingVerdict.WithinBound ? MarkTone.Good : MarkTone.Bad;
                var text = unattributed ? $"unattributed {Format.Measured(timing)}" : Format.Measured(timing);
                marks.Add(new LaneMark(from + measured, from + measured, tone, text) { Precision = timing.PrecisionSeconds ?? 0 });
            }

            if (marks.Count > 0)
            {
                yield return new TimelineLane($"{(unattributed ? "unattributed" : "window")} {timing.Name}", LaneKind.Window, marks);
            }
        }
    }

    // The moment the timing counts from, in seconds since the scenario started (to the millisecond, as records keep times): the
    // measured event's instant less the measured time when the record has both, else the first fault for a timing from the
    // fault; null when the record does not say.
    private static double? ReferenceAt(ScenarioRow row, TimingRecord timing, double? firstFault) => timing switch
    {
        { OccurredAt: { } at, MeasuredSeconds: { } measured } => Math.Round((at - row.StartedAt).TotalSeconds - measured, 3),
        { Reference: TimingReference.Fault } => firstFault,
        _ => null,
    };

    // From the scenario's start (or an earlier event) to a little after the last thing drawn.
    private static (double Start, double End) Axis(ScenarioRow row, double origin, List<TimelineLane> windows)
    {
        var points = row.Timeline.Select(e => e.At - origin)
            .Concat(row.Faults.Select(f => f.At - origin))
            .Concat(windows.SelectMany(l => l.Marks).SelectMany(m => new[] { m.Start - m.Precision, m.End + m.Precision }))
            .Append(-origin)
            .Append(row.DurationSeconds - origin)
            .Append(0.0)
            .ToList();
        var start = Math.Floor(points.Min());
        var last = points.Max();
        return (start, Math.Max(Math.Ceiling(last + ((last - start) * 0.03)), start + 1));
    }
}
