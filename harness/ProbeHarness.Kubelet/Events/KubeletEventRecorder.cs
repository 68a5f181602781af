using System.Globalization;
using k8s;
using k8s.Models;

namespace ProbeHarness.Kubelet.Events;

/// <summary>
/// Builds the kubelet's core/v1 events for one pod (§1.10): involved object = the pod with field path
/// <c>spec.containers{c}</c>, source <c>kubelet</c> on the emulated node. Like client-go's event correlator, a repeat of an
/// identical event (same container, type, reason and message) reuses its name with <c>count</c> + 1 and a new
/// <c>lastTimestamp</c>, so a store should upsert by name. Timestamps keep sub-second precision (the API would round them).
/// </summary>
internal sealed class KubeletEventRecorder
{
    private readonly Dictionary<(string FieldPath, string Type, string Reason, string Message), Corev1Event> _seen = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly V1Pod _pod;
    private readonly string _nodeName;
    private readonly TimeProvider _time;
    private readonly Action<Corev1Event> _sink;

    /// <summary>Creates a recorder for <paramref name="pod"/> that hands each event (a fresh copy) to <paramref name="sink"/>.</summary>
    public KubeletEventRecorder(V1Pod pod, string nodeName, TimeProvider time, Action<Corev1Event> sink)
    {
        _pod = pod;
        _nodeName = nodeName;
        _time = time;
        _sink = sink;
    }

    /// <summary>Records a Normal event about container <paramref name="containerName"/>, stamped <paramref name="at"/> (the instant of the kubelet's own log line) or now.</summary>
    public void Normal(string containerName, string reason, string message, DateTimeOffset? at = null) => Record(containerName, "Normal", reason, message, at ?? _time.GetUtcNow());

    /// <summary>Records a Warning event about container <paramref name="containerName"/>, stamped <paramref name="at"/> (the instant of the kubelet's own log line) or now.</summary>
    public void Warning(string containerName, string reason, string message, DateTimeOffset? at = null) => Record(containerName, "Warning", reason, message, at ?? _time.GetUtcNow());

    private void Record(string containerName, string type, string reason, string message, DateTimeOffset at)
    {
        var now = at.UtcDateTime;
        var fieldPath = $"spec.containers{{{containerName}}}";
        var key = (fieldPath, type, reason, message);
        if (_seen.TryGetValue(key, out var existing))
        {
            existing.Count = (existing.Count ?? 1) + 1;
            existing.LastTimestamp = now;
        }
        else
        {
            existing = new Corev1Event
            {
                ApiVersion = "v1",
                Kind = "Event",
                Metadata = new V1ObjectMeta { Name = UniqueName(now), NamespaceProperty = _pod.Metadata?.NamespaceProperty },
                InvolvedObject = new V1ObjectReference
                {
                    ApiVersion = "v1",
                    Kind = "Pod",
                    Name = _pod.Metadata?.Name,
                    NamespaceProperty = _pod.Metadata?.NamespaceProperty,
                    Uid = _pod.Metadata?.Uid,
                    FieldPath = fieldPath,
                },
                Type = type,
                Reason = reason,
                Message = message,
                Source = new V1EventSource { Component = "kubelet", Host = _nodeName },
                ReportingComponent = "kubelet",
                ReportingInstance = _nodeName,
                FirstTimestamp = now,
                LastTimestamp = now,
                Count = 1,
            };
            _seen[key] = existing;
        }

        _sink(KubernetesJson.Deserialize<Corev1Event>(KubernetesJson.Serialize(existing)));
    }

    // client-go names events "<object>.<unix nanos in hex>"; a fake clock can emit several at one instant, so bump until unique.
    private string UniqueName(DateTime now)
    {
        var nanos = (now - DateTime.UnixEpoch).Ticks * 100;
        string name;
        do
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{_pod.Metadata?.Name}.{nanos:x}");
            nanos++;
        }
        while (!_names.Add(name));

        return name;
    }
}
