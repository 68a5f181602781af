using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace ProbeHarness.Kubernetes.Watching;

/// <summary>Builds <see cref="WatchedResource"/>s from KubernetesClient's typed list and watch calls.</summary>
public static class WatchedResourceFactory
{
    /// <summary>A watched kind from a typed list call and a typed watch call.</summary>
    public static WatchedResource Of<T>(
        string kind,
        Func<CancellationToken, Task<(IEnumerable<T> Items, string? ResourceVersion)>> list,
        Func<string?, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch)
        where T : IKubernetesObject<V1ObjectMeta> =>
        new(
            kind,
            async token =>
            {
                var (items, resourceVersion) = await list(token).ConfigureAwait(false);
                return new ResourceSnapshot(items.Cast<IKubernetesObject<V1ObjectMeta>>().ToList(), resourceVersion);
            },
            (resourceVersion, onError, token) => Widen(watch(resourceVersion, onError, token), token));

    private static async IAsyncEnumerable<(WatchEventType, IKubernetesObject<V1ObjectMeta>)> Widen<T>(
        IAsyncEnumerable<(WatchEventType, T)> events, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        await foreach (var (type, item) in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return (type, item);
        }
    }
}
