using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using ProbeHarness.Kubernetes.Watching;

namespace ProbeHarness.Kubernetes.Tests.Watching;

/// <summary>A watched kind driven by scripts: each list call takes the next snapshot, each watch call the next script of events.</summary>
public sealed class FakeResource
{
    private readonly ConcurrentQueue<Func<ResourceSnapshot>> _lists = new();
    private readonly ConcurrentQueue<Func<CancellationToken, IAsyncEnumerable<(WatchEventType, IKubernetesObject<V1ObjectMeta>)>>> _watches = new();

    public ConcurrentQueue<string?> WatchedFrom { get; } = new();

    public int Lists { get; private set; }

    public static V1Pod Pod(string name, string resourceVersion) =>
        new() { Metadata = new V1ObjectMeta { Name = name, Uid = $"uid-{name}", ResourceVersion = resourceVersion } };

    public FakeResource ThenList(string resourceVersion, params V1Pod[] pods)
    {
        _lists.Enqueue(() => new ResourceSnapshot(pods, resourceVersion));
        return this;
    }

    public FakeResource ThenListFails(Exception exception)
    {
        _lists.Enqueue(() => throw exception);
        return this;
    }

    /// <summary>A watch that yields the events, then fails with <paramref name="end"/> or, when it is null, waits for cancellation.</summary>
    public FakeResource ThenWatch(Exception? end, params (WatchEventType Type, V1Pod Pod)[] events)
    {
        _watches.Enqueue(token => Stream(events, end, token));
        return this;
    }

    public WatchedResource Resource => new(
        "pods",
        _ =>
        {
            Lists++;
            return Task.FromResult(_lists.TryDequeue(out var next) ? next() : throw new InvalidOperationException("no more lists scripted"));
        },
        (resourceVersion, _, token) =>
        {
            WatchedFrom.Enqueue(resourceVersion);
            return _watches.TryDequeue(out var next) ? next(token) : Stream([], null, token);
        });

    private static async IAsyncEnumerable<(WatchEventType, IKubernetesObject<V1ObjectMeta>)> Stream(
        (WatchEventType Type, V1Pod Pod)[] events, Exception? end, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (type, pod) in events)
        {
            await Task.Yield();
            yield return (type, pod);
        }

        if (end is not null)
        {
            throw end;
        }

        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
