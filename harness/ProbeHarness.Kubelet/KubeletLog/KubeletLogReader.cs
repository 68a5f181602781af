using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>
/// Reads a kubelet log (klog text) for the lines the timing check compares: probe failures, kills and Ready changes, in the v1.20
/// printf forms and the 1.21+ structured forms. Other lines are klog noise and skipped; a line with one of these messages that
/// does not parse is a <see cref="KubeletLogProblem"/>. Kill lines of v1.20 name only the container ID, so the pod comes from
/// another line naming that ID: the PLEG event (<c>SyncLoop (PLEG)</c>, V(2)) or computePodActions' verdict (V(2)), usually
/// before it, but a container deleted as it starts is killed microseconds before its PLEG start event is logged.
/// </summary>
public static partial class KubeletLogReader
{
    /// <summary>Reads a log file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static KubeletLogContents ReadFile(string path, KubeletLogClock clock)
    {
        using var reader = new StreamReader(path);
        return Read(reader, clock);
    }

    /// <summary>Reads a log from <paramref name="reader"/> to its end.</summary>
    public static KubeletLogContents Read(TextReader reader, KubeletLogClock clock)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(clock);
        var state = new ReaderState(clock);
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            state.Number++;
            if (KlogLine.Parse(text) is { } line)
            {
                state.Take(line, text);
            }
        }

        state.Finish();
        return new KubeletLogContents(state.Entries, state.Problems, state.Number);
    }

    // The container behind a runtime ID, learnt from earlier lines.
    private sealed record KnownContainer(PodDescription Pod, string? Name);

    private sealed class ReaderState(KubeletLogClock clock)
    {
        private readonly Dictionary<string, KnownContainer> _containers = new(StringComparer.Ordinal);
        private readonly List<(int Number, KlogLine Line, string Text, string Id)> _unresolvedKills = [];

        // Each pod's Ready lastTransitionTime as its last patch left it on the API server.
        private readonly Dictionary<(string Namespace, string Name), DateTimeOffset> _readyTransitions = [];

        public int Number { get; set; }

        public List<KubeletLogEntry> Entries { get; } = [];

        public List<KubeletLogProblem> Problems { get; } = [];

        public void Take(KlogLine line, string text)
        {
            var message = line.Message;
            if (message.StartsWith('"'))
            {
                Structured(line, text);
                return;
            }

            switch (line.File)
            {
                case "prober.go" when ProbeFailedPrefix().IsMatch(message):
                    ProbeFailed(line, text);
                    break;
                case "kuberuntime_container.go" when message.StartsWith("Killing container ", StringComparison.Ordinal):
                    Killing(line, text);
                    break;
                case "kuberuntime_manager.go" when message.StartsWith("Container \"", StringComparison.Ordinal) && message.Contains(" of pod ", StringComparison.Ordinal):
                    KillVerdict(line, text);
                    break;
                case "kubelet.go" when message.StartsWith("SyncLoop (PLEG): ", StringComparison.Ordinal):
                    PlegEvent(line, text);
                    break;
                case "status_manager.go" when message.StartsWith("Patch status for pod ", StringComparison.Ordinal):
                    PatchStatus(line, text, PatchLegacy().Match(message) is { Success: true } m ? (PodDescription.FromFormatPod(m.Groups["pod"].Value), GoQuoted.Unquote(m.Groups["patch"].Value)) : (null, null));
                    break;
            }
        }

        // prober.go (v1.20, V(1)): "%s probe for %q failed (%v): %s" with ctrName = format.Pod(pod) + ":" + container.
        private void ProbeFailed(KlogLine line, string text)
        {
            var message = line.Message;
            var type = message[..message.IndexOf(' ', StringComparison.Ordinal)];
            var target = GoQuoted.Read(message, message.IndexOf('"', StringComparison.Ordinal));
            var colon = target?.Value.IndexOf("):", StringComparison.Ordinal) ?? -1;
            if (target is not { } quoted || !message.AsSpan(quoted.End).StartsWith(" failed (", StringComparison.Ordinal) ||
                !Enum.TryParse<ProbeType>(type, out var probeType) || colon < 0 ||
                PodDescription.FromFormatPod(quoted.Value[..(colon + 1)]) is not { } pod)
            {
                Problem(text, "a prober.go \"probe … failed\" line without a probe type and a quoted pod_namespace(uid):container");
                return;
            }

            Add(line, text, KubeletEventKind.ProbeFailed, pod, e => e with { Container = quoted.Value[(colon + 2)..], ProbeType = probeType });
        }

        // kuberuntime_container.go (v1.20): "Killing container %q with a %d second grace period" (V(2)) and the override form (V(3)).
        private void Killing(KlogLine line, string text)
        {
            var match = KillingLegacy().Match(line.Message);
            if (!match.Success || GoQuoted.Unquote(match.Groups["id"].Value) is not { Length: > 0 } id)
            {
                Problem(text, "a \"Killing container\" line without a quoted container ID and grace period");
                return;
            }

            if (!_containers.TryGetValue(ShortId(id), out var known))
            {
                _unresolvedKills.Add((Number, line, text, id)); // a later line may name it
                return;
            }

            Add(line, text, KubeletEventKind.Killing, known.Pod, e => e with { ContainerId = id, Container = known.Name });
        }

        // The kills whose container only a later line named; then everything in log order.
        public void Finish()
        {
            var end = Number;
            foreach (var (number, line, text, id) in _unresolvedKills)
            {
                Number = number;
                if (_containers.TryGetValue(ShortId(id), out var known))
                {
                    Add(line, text, KubeletEventKind.Killing, known.Pod, e => e with { ContainerId = id, Container = known.Name });
                }
                else
                {
                    Problem(text, $"a \"Killing container\" line for container {id}, which no PLEG or computePodActions line names");
                }
            }

            Number = end;
            Entries.Sort((a, b) => a.Line.CompareTo(b.Line));
            Problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        }

        // kuberuntime_manager.go computePodActions (V(2)): "Container %q (%q) of pod %s: %s" names the container to kill; %q of the
        // ContainerID struct prints {"containerd" "<id>"}.
        private void KillVerdict(KlogLine line, string text)
        {
            var match = KillVerdictLegacy().Match(line.Message);
            var id = match.Groups["struct"].Success ? GoQuoted.Unquote(match.Groups["struct"].Value) : GoQuoted.Unquote(match.Groups["id"].Value);
            if (!match.Success || id is not { Length: > 0 } ||
                GoQuoted.Unquote(match.Groups["name"].Value) is not { } name || PodDescription.FromFormatPod(match.Groups["pod"].Value) is not { } pod)
            {
                Problem(text, "a computePodActions \"Container … of pod …\" line without container name, ID and pod");
                return;
            }

            _containers[ShortId(id)] = new KnownContainer(pod, name);
        }

        // kubelet.go (V(2)): SyncLoop (PLEG): "pod_ns(uid)", event: &pleg.PodLifecycleEvent{ID:"uid", Type:"ContainerStarted", Data:"<id>"}.
        private void PlegEvent(KlogLine line, string text)
        {
            var match = PlegLegacy().Match(line.Message);
            if (!match.Success || GoQuoted.Unquote(match.Groups["pod"].Value) is not { } described || PodDescription.FromFormatPod(described) is not { } pod)
            {
                Problem(text, "a SyncLoop (PLEG) line without a quoted pod_namespace(uid)");
                return;
            }

            // Data is the container (or sandbox) ID for container events; other events carry no string.
            if (GoQuoted.Unquote(match.Groups["data"].Value) is { Length: > 0 } id && !_containers.ContainsKey(id))
            {
                _containers[id] = new KnownContainer(pod, null);
            }
        }

        // status_manager.go (V(3)): "Patch status for pod %q with %q"; the patch is a strategic merge patch of the status.
        private void PatchStatus(KlogLine line, string text, (PodDescription? Pod, string? Patch) parsed)
        {
            if (parsed.Pod is not { } pod || parsed.Patch is not { } patch)
            {
                Problem(text, "a \"Patch status for pod\" line without a pod and a quoted patch");
                return;
            }

            (bool Ready, DateTimeOffset? Transition)? ready;
            try
            {
                ready = ReadyInPatch(patch);
            }
            catch (JsonException failure)
            {
                Problem(text, $"a \"Patch status for pod\" line whose patch is not JSON ({failure.Message})");
                return;
            }

            // A patch that leaves the Ready condition's status alone is no Ready change. A strategic merge patch leaves out
            // what did not change: a transition in the same whole second as the one before carries no lastTransitionTime,
            // and the API server keeps the earlier one, which is this transition's second too.
            if (ready is { } value)
            {
                var key = (pod.Namespace, pod.Name);
                var transition = value.Transition ?? (_readyTransitions.TryGetValue(key, out var kept) ? kept : null);
                if (transition is { } known)
                {
                    _readyTransitions[key] = known;
                }

                Add(line, text, KubeletEventKind.ReadyChanged, pod, e => e with { Ready = value.Ready, LastTransitionTime = transition });
            }
        }

        // 1.21+: "Probe failed" probeType=… pod="ns/name" …, "Killing container with a grace period" pod=… containerID=…,
        // "Patch status for pod" pod=… patch="…".
        private void Structured(KlogLine line, string text)
        {
            if (KlogFields.Parse(line.Message) is not { } fields)
            {
                return;
            }

            switch (fields.Message)
            {
                case "Probe failed":
                    if (Pod(fields) is not { } probed || !Enum.TryParse<ProbeType>(fields["probeType"], ignoreCase: true, out var type))
                    {
                        Problem(text, "a \"Probe failed\" line without pod=\"namespace/name\" and probeType");
                        return;
                    }

                    Add(line, text, KubeletEventKind.ProbeFailed, probed, e => e with { Container = fields["containerName"], ProbeType = type });
                    break;
                case "Killing container with a grace period" or "Killing container with a grace period override":
                    if (Pod(fields) is not { } killed)
                    {
                        Problem(text, $"a \"{fields.Message}\" line without pod=\"namespace/name\"");
                        return;
                    }

                    Add(line, text, KubeletEventKind.Killing, killed, e => e with { Container = fields["containerName"], ContainerId = fields["containerID"] });
                    break;
                case "Patch status for pod":
                    PatchStatus(line, text, (Pod(fields), fields["patch"]));
                    break;
            }
        }

        private static PodDescription? Pod(KlogFields fields) => PodDescription.FromObjectReference(fields["pod"], fields["podUID"]);

        private void Add(KlogLine line, string text, KubeletEventKind kind, PodDescription pod, Func<KubeletLogEntry, KubeletLogEntry> details)
        {
            if (clock.Resolve(line.Month, line.Day, line.TimeOfDay) is not { } at)
            {
                Problem(text, $"a time stamp of a day that does not exist ({line.Month:00}-{line.Day:00})");
                return;
            }

            Entries.Add(details(new KubeletLogEntry(Number, at, kind, pod.Namespace, pod.Name) { PodUid = pod.Uid }));
        }

        private void Problem(string text, string reason) =>
            Problems.Add(new KubeletLogProblem(Number, reason, text.Length <= 300 ? text : text[..300] + "…"));

        // containerd://0123… and the bare 0123… of PLEG events name the same container.
        private static string ShortId(string id) =>
            id.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? id[(scheme + 3)..] : id;
    }

    // The pod's Ready condition in a status patch, when the patch sets its status, with its transition time when it has one.
    private static (bool Ready, DateTimeOffset? Transition)? ReadyInPatch(string patch)
    {
        using var document = JsonDocument.Parse(patch);
        if (document.RootElement.ValueKind != JsonValueKind.Object ||
            !document.RootElement.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object ||
            !status.TryGetProperty("conditions", out var conditions) || conditions.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var condition in conditions.EnumerateArray())
        {
            if (condition.ValueKind == JsonValueKind.Object &&
                condition.TryGetProperty("type", out var type) && type.ValueEquals("Ready") &&
                condition.TryGetProperty("status", out var value) && value.ValueKind == JsonValueKind.String)
            {
                var transition = condition.TryGetProperty("lastTransitionTime", out var time) && time.ValueKind == JsonValueKind.String &&
                                 DateTimeOffset.TryParse(time.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : (DateTimeOffset?)null;
                return (value.ValueEquals("True"), transition);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\w+ probe for "".*"" failed \(", RegexOptions.CultureInvariant)]
    private static partial Regex ProbeFailedPrefix();

    [GeneratedRegex(@"^Killing container (?<id>""[^""]*"")(?: with a -?\d+ second grace period|, but using a -?\d+ second grace period override)$", RegexOptions.CultureInvariant)]
    private static partial Regex KillingLegacy();

    [GeneratedRegex(@"^Container (?<name>""[^""]*"") \((?:\{""[^""]*"" (?<struct>""[^""]*"")\}|(?<id>""[^""]*""))\) of pod (?<pod>[^ :]+): ", RegexOptions.CultureInvariant)]
    private static partial Regex KillVerdictLegacy();

    [GeneratedRegex(@"^SyncLoop \(PLEG\): (?<pod>""[^""]*""), event: &pleg\.PodLifecycleEvent\{ID:""[^""]*"", Type:""\w+"", Data:(?<data>.*)\}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlegLegacy();

    [GeneratedRegex(@"^Patch status for pod ""(?<pod>[^""]*)"" with (?<patch>"".*"")$", RegexOptions.CultureInvariant)]
    private static partial Regex PatchLegacy();
}
