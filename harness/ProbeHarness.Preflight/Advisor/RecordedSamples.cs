using ProbeHarness.Kubelet.Timing;
using System.Globalization;
using System.Text.Json;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Preflight.Advisor;

/// <summary>One probe answer the target app logged: which probe endpoint, how long the app took.</summary>
/// <param name="Probe">The probe type the endpoint serves; null for one that serves none (tcp, redirect-target…).</param>
/// <param name="Seconds">The app's <c>durationMs</c> in seconds (request received → answer written; the network is not in it).</param>
/// <param name="Source">The record file and log it came from.</param>
public sealed record LatencySample(ProbeType? Probe, double Seconds, string Source);

/// <summary>One measured start of the target app.</summary>
/// <param name="Seconds">How long the start took.</param>
/// <param name="Source">The record file it came from.</param>
/// <param name="How">What was measured, e.g. <c>app log: process start → first successful startup probe</c>.</param>
/// <param name="UpperBound">True when the figure is the cluster's view (container start → Ready), which adds up to one probe period of rhythm to the app's own start.</param>
public sealed record StartSample(double Seconds, string Source, string How, bool UpperBound);

/// <summary>
/// What recorded runs say about the target app: per-probe response latencies and start times. Latencies come only from the
/// target app's own JSON log lines (<c>"kind":"probe"</c>, <c>durationMs</c>) in the records' <c>diagnostics.logs</c>; answers a
/// fault shaped (<c>reason</c> starting <c>fault:</c>) are left out. Starts come from the same logs (process start, from the
/// <c>listening</c> line's <c>msSinceProcessStart</c> or the <c>start</c> line, → the first 2xx/3xx startup probe, else readiness,
/// else liveness probe), else from a measured <c>start→ready</c>/<c>start→started</c> timing, else from the timeline (container
/// <c>start</c>/<c>restart</c> → <c>ready True</c>). Records that were skipped, hit an environment or authoring error, or did not run are not read.
/// </summary>
/// <param name="Records">The records read.</param>
/// <param name="Latencies">The probe answers.</param>
/// <param name="Starts">The starts.</param>
/// <param name="Notes">What is missing or was left out, in words.</param>
public sealed record RecordedSamples(int Records, IReadOnlyList<LatencySample> Latencies, IReadOnlyList<StartSample> Starts, IReadOnlyList<string> Notes)
{
    private static readonly string[] StartFaultWords = ["startup", "readiness", "dependency", "listen"];

    /// <summary>The latencies (seconds) of <paramref name="probe"/>'s endpoint.</summary>
    public IReadOnlyList<double> LatenciesOf(ProbeType probe) => [.. Latencies.Where(l => l.Probe == probe).Select(l => l.Seconds)];

    /// <summary>Reads the samples out of <paramref name="records"/> (file, record).</summary>
    public static RecordedSamples From(IReadOnlyList<(string File, ScenarioRecord Record)> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var latencies = new List<LatencySample>();
        var starts = new List<StartSample>();
        var notes = new List<string>();
        var used = 0;
        var logsSeen = 0;
        foreach (var (file, record) in records)
        {
            if (record.Outcome is "skipped" or "environment-error" or "authoring-error" or "not-run")
            {
                continue;
            }

            used++;
            var name = Path.GetFileName(file);
            var fromLogs = new List<StartSample>();
            foreach (var (key, text) in record.Diagnostics?.Logs ?? new Dictionary<string, string>())
            {
                logsSeen++;
                ReadLog(text, $"{name} log {key}", latencies, fromLogs);
            }

            starts.AddRange(fromLogs);
            if (fromLogs.Count > 0 || StartWasFaulted(record))
            {
                continue;
            }

            var timed = record.Timings
                .Where(t => t is { Reference: TimingReference.Start, Measure: ReactionMeasure.Ready or ReactionMeasure.Started, MeasuredSeconds: not null })
                .Select(t => new StartSample(t.MeasuredSeconds!.Value, name, $"timing {Reactions.NameOf(t.Reference, t.Measure)} (container start → {(t.Measure == ReactionMeasure.Ready ? "Ready" : "Started")}, as the cluster saw it)", true))
                .ToList();
            starts.AddRange(timed.Count > 0 ? timed : FromTimeline(record, name));
        }

        if (used == 0)
        {
            notes.Add("no record to learn from: every record was skipped or hit an environment error");
        }

        if (latencies.Count == 0)
        {
            notes.Add(logsSeen == 0
                ? "no probe latency is recorded: no record holds the target app's log (diagnostics.logs is kept for failed scenarios only)"
                : $"no probe latency is recorded: the {logsSeen} logs in the records hold no target-app \"kind\":\"probe\" line with a durationMs (outside a fault)");
        }

        if (starts.Count == 0)
        {
            notes.Add("no start time is recorded: no target-app log with a start and a successful probe, no start→ready timing and no container start followed by Ready in a timeline (outside startup/readiness faults)");
        }
        else if (starts.All(s => s.UpperBound))
        {
            notes.Add("start times are the cluster's view (container start → Ready), which includes up to one probe period of rhythm: an upper bound of the app's own start");
        }

        return new RecordedSamples(used, latencies, starts, notes);
    }

    private static bool StartWasFaulted(ScenarioRecord record) =>
        record.Faults.Any(f => StartFaultWords.Any(w => f.Description.Contains(w, StringComparison.OrdinalIgnoreCase)));

    private static IEnumerable<StartSample> FromTimeline(ScenarioRecord record, string name)
    {
        foreach (var started in record.Timeline.Where(e => e.Lane is "start" or "restart"))
        {
            var ready = record.Timeline.FirstOrDefault(e => e.Lane == "ready" && e.Value == "True" && e.Pod == started.Pod && e.At >= started.At);
            if (ready is not null)
            {
                yield return new StartSample(ready.At - started.At, name, $"timeline: container {started.Lane} (+{S(started.At)} s) → Ready True (+{S(ready.At)} s)", true);
            }
        }
    }

    private static void ReadLog(string text, string source, List<LatencySample> latencies, List<StartSample> starts)
    {
        DateTimeOffset? processStart = null;
        var faulted = false;
        var firstSuccess = new Dictionary<ProbeType, DateTimeOffset>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith('{') || Parse(line) is not { } json)
            {
                continue;
            }

            using (json)
            {
                var root = json.RootElement;
                var kind = Text(root, "kind");
                var time = Time(root);
                if (kind is "start" && processStart is null)
                {
                    processStart = time;
                }
                else if (kind is "listening" && time is { } at && Number(root, "msSinceProcessStart") is { } ms)
                {
                    processStart = at - TimeSpan.FromMilliseconds(ms);
                }
                else if (kind is "probe")
                {
                    var probe = ProbeOf(Text(root, "probe"));
                    var reason = Text(root, "reason") ?? "";
                    if (reason.StartsWith("fault:", StringComparison.Ordinal))
                    {
                        faulted |= firstSuccess.Count == 0;
                        continue;
                    }

                    if (Number(root, "durationMs") is { } duration)
                    {
                        latencies.Add(new LatencySample(probe, duration / 1000, source));
                    }

                    if (probe is { } type && time is { } when && Number(root, "status") is >= 200 and < 400)
                    {
                        firstSuccess.TryAdd(type, when);
                    }
                }
            }
        }

        if (processStart is not { } begin || faulted)
        {
            return;
        }

        foreach (var type in new[] { ProbeType.Startup, ProbeType.Readiness, ProbeType.Liveness })
        {
            if (firstSuccess.TryGetValue(type, out var success) && success >= begin)
            {
                starts.Add(new StartSample((success - begin).TotalSeconds, source, $"app log: process start → first successful {type.ToString().ToLowerInvariant()} probe", false));
                return;
            }
        }
    }

    private static ProbeType? ProbeOf(string? name) => name switch
    {
        null => null,
        _ when name.Contains("liveness", StringComparison.OrdinalIgnoreCase) => ProbeType.Liveness,
        _ when name.Contains("readiness", StringComparison.OrdinalIgnoreCase) => ProbeType.Readiness,
        _ when name.Contains("startup", StringComparison.OrdinalIgnoreCase) => ProbeType.Startup,
        _ => null,
    };

    private static JsonDocument? Parse(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static DateTimeOffset? Time(JsonElement root) =>
        DateTimeOffset.TryParse(Text(root, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string S(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
