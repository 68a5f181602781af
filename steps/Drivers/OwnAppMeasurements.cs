using k8s.Models;
using Reqnroll.UnitTestProvider;
using ProbeHarness.Cluster;
using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>
/// Measures a user's own app behind the probe fault proxy: container start to the first successful answer of each probe and the app's
/// answer latency (from the proxy's lines), and its exit after SIGTERM (from the cluster), for the scenario record and the advisor.
/// </summary>
public sealed class OwnAppMeasurements(
    WorkloadDriver workload,
    ClusterObserver observer,
    PodRoster roster,
    Expectations expectations,
    AppEventLog appLog,
    ScenarioRecorder recorder,
    ScenarioLog log,
    IUnitTestRuntimeProvider runtime)
{
    // The reason a kubelet gives a container it no longer finds in the runtime (kubelet_pods.go); its exit code 137 is
    // the kubelet's placeholder, not the app's.
    private const string ContainerStatusUnknown = "ContainerStatusUnknown";

    /// <summary>Waits until pod <paramref name="ordinal"/>'s app container has ended after the pod's deletion and checks its exit code; notes the time after SIGTERM.</summary>
    public async Task ExitsAfterSigtermAsync(int ordinal, int exitCode, TimeSpan within, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        if (!workload.Deletions.TryGetValue(name, out var deleted))
        {
            throw new ScenarioInputException($"pod {ordinal} was not deleted by the scenario, so nothing sent it SIGTERM; delete it first ('pod {ordinal} is deleted').");
        }

        V1ContainerStateTerminated terminated;
        try
        {
            terminated = await expectations.EventuallyAsync(
                $"the app of pod {ordinal} to exit after SIGTERM",
                within,
                state => state.FindPod(name)?.ContainerStatus(workload.ContainerName)?.State?.Terminated is { } t
                    ? Observation.Holds(t, $"exited with code {t.ExitCode} ({t.Reason})")
                    : Observation.Not<V1ContainerStateTerminated>($"still {state.FindPod(name)?.Describe(workload.ContainerName) ?? "unseen"}"),
                cancellationToken);
        }
        catch (ExpectationFailedException) when (observer.State.FindPod(name)?.ContainerStatus(workload.ContainerName)?.LastState?.Terminated?.Reason == ContainerStatusUnknown)
        {
            // Seen on v1.20 under load: the runtime removed the exited container before the kubelet computed the deleted
            // pod's status, so no status carries the app's exit.
            runtime.TestIgnore(
                $"the kubelet published no exit of pod {ordinal}'s app: its status says {ContainerStatusUnknown} (the container was gone from the runtime "
                + "before the kubelet computed the deleted pod's status), so the app's exit code and time cannot be read: nothing to judge");
            return;
        }

        var exit = ExitOf(roster.Label(name), terminated, deleted);
        recorder.Note(Format.Exit(exit));
        if (terminated.ExitCode != exitCode)
        {
            throw new ExpectationFailedException($"the app of pod {ordinal} exited with code {terminated.ExitCode} ({terminated.Reason}) after SIGTERM, not {exitCode}.");
        }
    }

    /// <summary>The own app's measurements over the scenario, or null when the scenario tested the target app.</summary>
    public async Task<OwnAppRecord?> MeasureAsync(CancellationToken cancellationToken)
    {
        if (workload.Manifest is not { } manifest)
        {
            return null;
        }

        var state = observer.State;
        var probes = new List<ProxiedProbeRecord>();
        // No proxy (the workload never got deployed): no probe answers to read.
        foreach (var pod in workload.Proxies.Count == 0 ? [] : roster.Names)
        {
            AppEventLines lines;
            try
            {
                lines = await appLog.ReadAsync(pod, workload.ProbeLogContainerOf(null), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.Write($"the probe fault proxy's log of {pod} could not be read ({e.Message}); the app's start and latency are not measured");
                continue;
            }

            var start = FirstStart(state, pod);
            foreach (var kind in Enum.GetValues<ProbeKind>().Where(k => workload.Probe(k) is not null))
            {
                var answers = lines.Events.Where(e => e.Proxied && e.Probe == kind && e.Kind is AppEventKind.ProbeAnswered or AppEventKind.GrpcAnswered or AppEventKind.TcpAccepted).ToList();
                if (answers.Count == 0)
                {
                    continue;
                }

                // An aborted forward measures the kubelet's timeout, not the app: only answers count.
                var latencies = answers.Where(a => a.UpstreamMs is not null && !a.Aborted).Select(a => a.UpstreamMs!.Value).ToList();
                var first = answers.FirstOrDefault(a => a.Healthy == true || a.Kind == AppEventKind.TcpAccepted);
                var firstSuccess = start is not null && first is not null ? MeasuredDuration.Between(start, MeasuredInstant.Exact(first.At)) : null;
                probes.Add(new ProxiedProbeRecord(roster.Label(pod), kind.ToString().ToLowerInvariant(), answers.Count)
                {
                    FirstSuccessSeconds = firstSuccess?.Seconds,
                    FirstSuccessPrecisionSeconds = firstSuccess?.PrecisionSeconds,
                    LatencyP50Ms = latencies.Count > 0 ? Math.Round(Percentile.Of(latencies, 50), 2) : null,
                    LatencyP95Ms = latencies.Count > 0 ? Math.Round(Percentile.Of(latencies, 95), 2) : null,
                    LatencyP99Ms = latencies.Count > 0 ? Math.Round(Percentile.Of(latencies, 99), 2) : null,
                });
            }
        }

        var exits = workload.Deletions
            .Select(d => state.FindPod(d.Key)?.ContainerStatus(workload.ContainerName)?.State?.Terminated is { } t ? ExitOf(roster.Label(d.Key), t, d.Value) : null)
            .OfType<AppExitRecord>()
            .ToList();
        var record = new OwnAppRecord(Relative(manifest.File)) { ManifestProbes = manifest.Probes, Probes = probes, Exits = exits };
        foreach (var line in Format.OwnApp(record))
        {
            log.Write($"own app: {line}");
        }

        return record;
    }

    private static AppExitRecord ExitOf(string pod, V1ContainerStateTerminated terminated, MeasuredInstant deleted)
    {
        var after = terminated.FinishedAt is { } finished ? MeasuredDuration.Between(deleted, ClusterTime.Measured(ClusterTime.ToInstant(finished))) : null;
        return new AppExitRecord(pod, terminated.ExitCode, terminated.Reason)
        {
            SecondsAfterSigterm = after?.Seconds,
            PrecisionSeconds = after?.PrecisionSeconds,
        };
    }

    // The first container's start as the kubelet reported it (whole seconds on most clusters), over every status the watch saw.
    private MeasuredInstant? FirstStart(ClusterState state, string pod)
    {
        var starts = state.Changes
            .Select(c => c.Object)
            .OfType<V1Pod>()
            .Where(p => p.Metadata?.Name == pod)
            .Select(p => p.ContainerStatus(workload.ContainerName))
            .SelectMany(s => new[] { s?.State?.Running?.StartedAt, s?.LastState?.Terminated?.StartedAt })
            .OfType<DateTime>()
            .ToList();
        return starts.Count == 0 ? null : ClusterTime.Measured(ClusterTime.ToInstant(starts.Min()));
    }

    private static string Relative(string file)
    {
        var relative = Path.GetRelativePath(RepositoryPaths.Root, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative.Replace('\\', '/');
    }
}
