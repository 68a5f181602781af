using System.Collections.Immutable;
using k8s.Models;

namespace ProbeHarness.Steps.Drivers;

/// <summary>The namespace as the scenario's watch last saw it: every pod, EndpointSlice and event, plus the changes that led here.</summary>
/// <param name="Version">How many changes have been applied; grows by one per change.</param>
/// <param name="Pods">The pods that exist, by name.</param>
/// <param name="DeletedPods">Pods the API no longer has, as last seen, by name.</param>
/// <param name="EndpointSlices">The EndpointSlices, by name.</param>
/// <param name="Events">The events, by name (an event's count grows in place when the kubelet repeats it).</param>
/// <param name="Changes">Every change in the order it arrived.</param>
public sealed record ClusterState(
    long Version,
    ImmutableDictionary<string, V1Pod> Pods,
    ImmutableDictionary<string, V1Pod> DeletedPods,
    ImmutableDictionary<string, V1EndpointSlice> EndpointSlices,
    ImmutableDictionary<string, Corev1Event> Events,
    ImmutableList<ProbeHarness.Cluster.ClusterChange> Changes)
{
    /// <summary>The state before the first change.</summary>
    public static ClusterState Empty { get; } = new(
        0,
        ImmutableDictionary<string, V1Pod>.Empty,
        ImmutableDictionary<string, V1Pod>.Empty,
        ImmutableDictionary<string, V1EndpointSlice>.Empty,
        ImmutableDictionary<string, Corev1Event>.Empty,
        []);

    /// <summary>The state after <paramref name="change"/>.</summary>
    public ClusterState Apply(ProbeHarness.Cluster.ClusterChange change)
    {
        var deleted = change.Type == k8s.WatchEventType.Deleted;
        var name = change.Object.Metadata?.Name ?? "";
        var next = this with { Version = Version + 1, Changes = Changes.Add(change) };
        return change.Object switch
        {
            V1Pod pod when deleted => next with { Pods = Pods.Remove(name), DeletedPods = DeletedPods.SetItem(name, pod) },
            V1Pod pod => next with { Pods = Pods.SetItem(name, pod), DeletedPods = DeletedPods.Remove(name) },
            V1EndpointSlice _ when deleted => next with { EndpointSlices = EndpointSlices.Remove(name) },
            V1EndpointSlice slice => next with { EndpointSlices = EndpointSlices.SetItem(name, slice) },
            Corev1Event _ when deleted => next,
            Corev1Event e => next with { Events = Events.SetItem(name, e) },
            _ => next,
        };
    }

    /// <summary>A pod by name, whether it still exists or was deleted; an expectation failure when the watch never saw it.</summary>
    public V1Pod RequirePod(string name) =>
        FindPod(name) ?? throw new ExpectationFailedException($"pod {name} is not in the namespace.");

    /// <summary>A pod by name, whether it still exists or was deleted.</summary>
    public V1Pod? FindPod(string name) =>
        Pods.TryGetValue(name, out var pod) ? pod : DeletedPods.GetValueOrDefault(name);
}
