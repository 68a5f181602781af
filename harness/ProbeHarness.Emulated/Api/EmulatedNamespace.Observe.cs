using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using ProbeHarness.Cluster;

namespace ProbeHarness.Emulated.Api;

/// <summary>Reading the namespace: lists, the watch, and the event store.</summary>
public sealed partial class EmulatedNamespace
{
    /// <inheritdoc />
    public Task<IReadOnlyList<V1Pod>> ListPodsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<V1Pod>>(_pods.Values.Where(p => !p.Removed)
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => EmulatedObjects.Copy(p.Pod))
                .ToList());
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<V1EndpointSlice>> ListEndpointSlicesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<V1EndpointSlice>>(_services.Values
                .OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => EmulatedObjects.Copy(s.Slice))
                .ToList());
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Corev1Event>> ListEventsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Corev1Event>>(_events.Values
                .OrderBy(e => e.FirstTimestamp)
                .Select(EmulatedObjects.Copy)
                .ToList());
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ClusterChange> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        System.Threading.Channels.Channel<ClusterChange> channel;
        lock (_gate)
        {
            var now = Now;
            var current = _pods.Values.Where(p => !p.Removed).Select(p => (IKubernetesObject<V1ObjectMeta>)p.Pod)
                .Concat(_services.Values.Select(s => s.Slice))
                .Concat(_events.Values.OrderBy(e => e.FirstTimestamp))
                .Select(item => new ClusterChange(now, WatchEventType.Added, CopyObject(item)));
            channel = _feed.Subscribe(current);
        }

        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }
        }
        finally
        {
            lock (_gate)
            {
                _feed.Unsubscribe(channel);
            }
        }
    }

    private void OnKubeletEvent(Corev1Event recorded)
    {
        lock (_gate)
        {
            if (!_released)
            {
                StoreEvent(recorded);
            }
        }
    }

    // The scheduler's event for a pod it bound; callers hold _gate.
    private void RecordSchedulerEvent(V1Pod pod)
    {
        var now = Now.UtcDateTime;
        StoreEvent(new Corev1Event
        {
            ApiVersion = "v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta { Name = $"{pod.Metadata.Name}.{(now - DateTime.UnixEpoch).Ticks * 100:x}", NamespaceProperty = Name },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = "v1",
                Kind = "Pod",
                Name = pod.Metadata.Name,
                NamespaceProperty = Name,
                Uid = pod.Metadata.Uid,
            },
            Type = "Normal",
            Reason = "Scheduled",
            Message = $"Successfully assigned {Name}/{pod.Metadata.Name} to {pod.Spec.NodeName}",
            Source = new V1EventSource { Component = "default-scheduler" },
            ReportingComponent = "default-scheduler",
            FirstTimestamp = now,
            LastTimestamp = now,
            EventTime = now,
            Count = 1,
        });
    }

    // Upserts by name (a repeated kubelet event keeps its name with count + 1); callers hold _gate.
    private void StoreEvent(Corev1Event recorded)
    {
        recorded.Metadata ??= new V1ObjectMeta();
        recorded.Metadata.NamespaceProperty = Name;
        EmulatedObjects.MarkEmulated(recorded.Metadata);
        recorded.EventTime ??= recorded.FirstTimestamp;
        var isNew = !_events.ContainsKey(recorded.Metadata.Name);
        if (isNew)
        {
            recorded.Metadata.Uid = Guid.NewGuid().ToString();
            recorded.Metadata.CreationTimestamp = recorded.FirstTimestamp;
        }
        else
        {
            recorded.Metadata.Uid = _events[recorded.Metadata.Name].Metadata.Uid;
            recorded.Metadata.CreationTimestamp = _events[recorded.Metadata.Name].Metadata.CreationTimestamp;
        }

        _events[recorded.Metadata.Name] = recorded;
        Publish(isNew ? WatchEventType.Added : WatchEventType.Modified, recorded);
    }
}
