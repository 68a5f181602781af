using k8s;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Drivers;

namespace ProbeHarness.Steps.Support;

/// <summary>Gathers what a failed scenario leaves for diagnosis: each container's current and previous log, the events, pod and EndpointSlice dumps.</summary>
public sealed class DiagnosticsCollector(ScenarioCluster cluster, ClusterObserver observer, ScenarioLog log)
{
    /// <summary>Collects the diagnostics; a part that cannot be read says why instead of failing the collection.</summary>
    public async Task<ScenarioDiagnostics> CollectAsync(CancellationToken cancellationToken)
    {
        var ns = cluster.Namespace;
        var pods = await Attempt(() => ns.ListPodsAsync(cancellationToken), observer.State.Pods.Values.ToList());
        var slices = await Attempt(() => ns.ListEndpointSlicesAsync(cancellationToken), observer.State.EndpointSlices.Values.ToList());
        var events = await Attempt(() => ns.ListEventsAsync(cancellationToken), observer.State.Events.Values.ToList());
        var logs = new Dictionary<string, string>();
        foreach (var pod in pods)
        {
            foreach (var container in pod.Spec?.Containers ?? [])
            {
                foreach (var previous in new[] { false, true })
                {
                    var key = $"{pod.Metadata.Name}/{container.Name}{(previous ? " (previous)" : "")}";
                    try
                    {
                        logs[key] = await ns.ReadLogAsync(pod.Metadata.Name, container.Name, previous, cancellationToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logs[key] = $"(no log: {e.Message})";
                    }
                }
            }
        }

        var eventLines = events
            .OrderBy(e => EventHistory.TimeOf(e))
            .Select(e => $"{EventHistory.TimeOf(e):HH:mm:ss} {e.Type} {e.Reason} {e.InvolvedObject?.Kind}/{e.InvolvedObject?.Name}: {e.Message} (×{EventHistory.Count(e)})")
            .ToList();
        log.Write($"collected diagnostics: {logs.Count} logs, {eventLines.Count} events, {pods.Count} pods, {slices.Count} EndpointSlices");
        return new ScenarioDiagnostics(logs, eventLines, KubernetesYaml.SerializeAll(pods), KubernetesYaml.SerializeAll(slices));
    }

    // The namespace may already be half gone; what the watch last saw is better than nothing.
    private async Task<IReadOnlyList<T>> Attempt<T>(Func<Task<IReadOnlyList<T>>> read, IReadOnlyList<T> fallback)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Write($"diagnostics: listing failed ({e.Message}); using what the watch last saw");
            return fallback;
        }
    }
}
