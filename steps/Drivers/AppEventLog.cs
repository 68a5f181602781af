using System.Text.Json;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>
/// Reads the target app's event lines (<c>"probeHarnessEvent":…</c>, millisecond instants taken inside the pod) from a
/// container's current and previous log, through the scenario namespace's log API (the same one the diagnostics use).
/// </summary>
/// <remarks>Other lines (the app's other JSON lines, ASP.NET's, plain text) are skipped; a marked line that cannot be read is a problem, never dropped.</remarks>
public sealed class AppEventLog(ScenarioCluster cluster, ClusterObserver observer)
{
    /// <summary>The marker field: present exactly on event lines, its value the event name.</summary>
    public const string Marker = "probeHarnessEvent";

    private const string MarkerText = "\"" + Marker + "\"";
    private const int QuotedLineLength = 300;

    /// <summary>Reads the previous and the current log of <paramref name="containerName"/> in pod <paramref name="podName"/>, previous first.</summary>
    /// <remarks>
    /// No previous instance is no previous log, not an error. Container IDs come from the pod status the watch last
    /// delivered and are set only when it named the same instances before and after the reads; <see cref="AppEvent.AppInstance"/> is certain.
    /// </remarks>
    public Task<AppEventLines> ReadAsync(string podName, string containerName, CancellationToken cancellationToken) =>
        ReadAsync(cluster.Namespace, podName, containerName, () => LatestPod(podName), cancellationToken);

    /// <summary>Reads both logs through <paramref name="ns"/>; <paramref name="podStatus"/> gives the pod as last seen (null when unknown), for container IDs.</summary>
    public static async Task<AppEventLines> ReadAsync(
        IScenarioNamespace ns, string podName, string containerName, Func<V1Pod?> podStatus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentNullException.ThrowIfNull(podStatus);
        const int attempts = 2;
        for (var attempt = 1; ; attempt++)
        {
            var before = LoggedContainerIds.Of(podStatus(), containerName);
            var previousText = await ReadPreviousAsync(ns, podName, containerName, cancellationToken);
            var currentText = await ns.ReadLogAsync(podName, containerName, previous: false, cancellationToken);
            var after = LoggedContainerIds.Of(podStatus(), containerName);
            if (before != after && attempt < attempts)
            {
                // The container restarted between the reads: the two logs may not be neighbours; read them again.
                continue;
            }

            var ids = before == after ? before : LoggedContainerIds.Unknown;
            var previous = previousText is null ? AppEventLines.Empty : Parse(previousText, AppLogInstance.Previous, ids.Previous);
            var current = Parse(currentText, AppLogInstance.Current, ids.Current);
            var lines = SameInstance(ids, previous, current) ? previous : previous.Concat(current);
            return lines with { HasPreviousLog = previousText is not null };
        }
    }

    /// <summary>The event lines of one log's text; <paramref name="containerId"/>, when known, is stamped on each event.</summary>
    public static AppEventLines Parse(string logText, AppLogInstance log = AppLogInstance.Current, string? containerId = null)
    {
        ArgumentNullException.ThrowIfNull(logText);
        var events = new List<AppEvent>();
        var problems = new List<AppEventProblem>();
        var lines = logText.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (!line.Contains(MarkerText, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                if (ParseLine(line, log, index + 1) is { } parsed)
                {
                    events.Add(parsed with { ContainerId = containerId });
                }
            }
            catch (AppEventFormatException problem)
            {
                // Only the text after the last line end can be a line still being written (or cut by a kill).
                var incomplete = index == lines.Length - 1;
                problems.Add(new AppEventProblem(log, index + 1, problem.Message, line.Length > QuotedLineLength ? line[..QuotedLineLength] + "…" : line, incomplete));
            }
        }

        return new AppEventLines(events, problems);
    }

    private static async Task<string?> ReadPreviousAsync(IScenarioNamespace ns, string podName, string containerName, CancellationToken cancellationToken)
    {
        try
        {
            return await ns.ReadLogAsync(podName, containerName, previous: true, cancellationToken);
        }
        catch (NoPreviousContainerException)
        {
            return null;
        }
    }

    // In back-off the API serves the instance that just ended as current and as previous: it is returned once, as previous.
    private static bool SameInstance(LoggedContainerIds ids, AppEventLines previous, AppEventLines current) =>
        ids.Same
        || (previous.Events.Count > 0 && current.Events.Count > 0
            && previous.Events[^1].AppInstance is { } instance && current.Events[0].AppInstance == instance);

    private static AppEvent? ParseLine(string line, AppLogInstance log, int lineNumber)
    {
        var start = line.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            throw new AppEventFormatException("not a JSON object");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line.AsMemory(start));
        }
        catch (JsonException exception)
        {
            throw new AppEventFormatException($"malformed JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(Marker, out _))
            {
                // The marker's text inside another line's content (a message quoting it) does not make an event line.
                return null;
            }

            var fields = new AppEventFields(root);
            var name = fields.String(Marker) ?? throw new AppEventFormatException($"{Marker}: null is not an event name");
            if (!AppEventKindNames.TryParse(name, out var kind))
            {
                throw new AppEventFormatException($"{Marker}: '{name}' is not a known event");
            }

            var at = fields.Instant("at") ?? throw new AppEventFormatException("at: missing");
            var parsed = new AppEvent(kind, at, log, lineNumber)
            {
                AppInstance = fields.String("instance"),
                Probe = fields.Probe("probe"),
                Path = fields.String("path"),
                UserAgent = fields.String("userAgent"),
                Status = fields.Int("status"),
                Healthy = fields.Bool("healthy"),
                ReceivedAt = fields.Instant("receivedAt"),
                SendingAt = fields.Instant("sendingAt"),
                Aborted = fields.Bool("aborted") ?? false,
                AbortedBy = fields.String("abortedBy"),
                DurationMs = fields.Double("durationMs"),
                Proxied = fields.Bool("proxied") ?? false,
                UpstreamMs = fields.Double("upstreamMs"),
                ServingStatus = fields.String("servingStatus"),
                Reason = fields.String("reason"),
                Target = fields.String("target"),
                Mode = fields.String("mode"),
                Source = fields.String("source"),
                ActiveFrom = fields.Instant("activeFrom"),
                ActiveUntil = fields.Instant("activeUntil"),
                Open = fields.Bool("open"),
                Available = fields.Bool("available"),
                Present = fields.Bool("present"),
                Megabytes = fields.Long("megabytes"),
                Port = fields.Int("port"),
                Signal = fields.String("signal"),
                Action = fields.String("action"),
                ExitCode = fields.Int("exitCode"),
                ProcessStartedAt = fields.Instant("processStartedAt"),
            };
            RequireFieldsOf(parsed);
            return parsed;
        }
    }

    // What each kind cannot do without: a line lacking it is a problem, not an event with holes.
    private static void RequireFieldsOf(AppEvent e)
    {
        var missing = e.Kind switch
        {
            AppEventKind.ProbeAnswered when e.Path is null => "path",
            AppEventKind.ProbeAnswered or AppEventKind.GrpcAnswered when e.ReceivedAt is null => "receivedAt",
            AppEventKind.ProbeAnswered when e.Status is null && !e.Aborted => "status (or aborted)",
            AppEventKind.GrpcAnswered when e.ServingStatus is null && !e.Aborted => "servingStatus (or aborted)",
            AppEventKind.TcpAccepted or AppEventKind.TcpPortChanged when e.Port is null => "port",
            AppEventKind.TcpPortChanged when e.Open is null => "open",
            AppEventKind.HealthFileChanged when e.Present is null => "present",
            AppEventKind.MemoryFileChanged when e.Megabytes is null => "megabytes",
            AppEventKind.FaultApplied when e.Target is null => "target",
            AppEventKind.FaultActive or AppEventKind.FaultEnded when e.Probe is null => "probe",
            AppEventKind.SignalReceived when e.Signal is null => "signal",
            AppEventKind.ProcessExiting when e.ExitCode is null => "exitCode",
            _ => null,
        };
        if (missing is not null)
        {
            throw new AppEventFormatException($"{missing}: missing (required for {e.Kind.Name()})");
        }
    }

    private V1Pod? LatestPod(string podName)
    {
        try
        {
            return observer.State.FindPod(podName);
        }
        catch (ClusterUnavailableException)
        {
            // The IDs are a convenience; without the watch the events still come, unlabelled.
            return null;
        }
    }
}
