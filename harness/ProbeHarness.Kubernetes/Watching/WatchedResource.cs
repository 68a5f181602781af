using k8s;
using k8s.Models;

namespace ProbeHarness.Kubernetes.Watching;

/// <summary>One kind of object a namespace watch follows: how to list it and how to watch it from a resourceVersion.</summary>
/// <param name="Kind">The kind's plural, for messages, e.g. "pods".</param>
/// <param name="ListAsync">Lists the objects now.</param>
/// <param name="WatchAsync">Watches from a resourceVersion; the callback receives errors the server reports inside the stream.</param>
public sealed record WatchedResource(
    string Kind,
    Func<CancellationToken, Task<ResourceSnapshot>> ListAsync,
    Func<string?, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType Type, IKubernetesObject<V1ObjectMeta> Object)>> WatchAsync);
