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

    /// <summary>The lanes, top to bottom, and the time axis end they need.</summary>
    public static (IReadOnlyList<TimelineLane> Lanes, double AxisEnd) For(ScenarioRow row)
    {
        var axisEnd = AxisEnd(row);
        var lanes = new List<TimelineLane>();
        var faultMarks = FaultWindows(row, axisEnd);
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
                var entries = lane.Where(e => e.Pod == pod).OrderBy(e => e.At).ToList();
                var title = pods.Count > 1 ? $"{lane.Key} ({pod})" : lane.Key;
                lanes.Add(Lane(title, lane.Key, entries, axisEnd));
            }
        }

        lanes.AddRange(WindowLanes(row));
        return (lanes, axisEnd);
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

    // Each fault lasts until the next fault-lane entry that heals it, else to the end of the axis.
    private static List<LaneMark> FaultWindows(ScenarioRow row, double axisEnd)
    {
        var heals = row.Timeline
            .Where(e => e.Lane.Equals("fault", StringComparison.OrdinalIgnoreCase) && HealWords.Any(e.Value.ToLowerInvariant().Contains))
            .Select(e => e.At)
            .Order()
            .ToList();
        var starts = row.Faults.Select(f => (f.At, f.Description)).ToList();
        if (starts.Count == 0)
        {
            starts = row.Timeline
                .Where(e => e.Lane.Equals("fault", StringComparison.OrdinalIgnoreCase) && !HealWords.Any(e.Value.ToLowerInvariant().Contains))
                .Select(e => (e.At, Description: e.Value))
                .ToList();
        }

        return starts
            .Select(s => new LaneMark(s.At, heals.FirstOrDefault(h => h > s.At, axisEnd), MarkTone.Window, s.Description))
            .ToList();
    }

    // A bounded timing is measured from the first fault: its allowed window and its measurement sit on their own lane.
    private static IEnumerable<TimelineLane> WindowLanes(ScenarioRow row)
    {
        if (row.Faults.Count == 0)
        {
            yield break;
        }

        var origin = row.Faults.Min(f => f.At);
        foreach (var timing in row.Timings.Where(t => t.IsBounded && t.Reference == TimingReference.Fault))
        {
            var marks = new List<LaneMark>
            {
                new(origin + (timing.BoundMinSeconds ?? 0), origin + (timing.BoundMaxSeconds ?? timing.BoundMinSeconds ?? 0), MarkTone.Window, Format.Window(timing)),
            };
            var tone = timing.Verdict == TimingVerdict.WithinBound ? MarkTone.Good : MarkTone.Bad;
            if (timing.MeasuredSeconds is { } measured)
            {
                marks.Add(new LaneMark(origin + measured, origin + measured, tone, Format.Seconds(measured)));
            }

            yield return new TimelineLane($"window {timing.Name}", LaneKind.Window, marks);
        }
    }

    private static double AxisEnd(ScenarioRow row)
    {
        var origin = row.Faults.Count == 0 ? 0 : row.Faults.Min(f => f.At);
        var ends = row.Timeline.Select(e => e.At)
            .Concat(row.Faults.Select(f => f.At))
            .Concat(row.Timings.Select(t => origin + Math.Max(t.MeasuredSeconds ?? 0, t.BoundMaxSeconds ?? 0)))
            .Append(row.DurationSeconds)
            .Append(1.0);
        return Math.Ceiling(ends.Max() * 1.03);
    }
}
