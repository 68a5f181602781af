using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;

namespace ProbeHarness.Steps.Tests.Support;

/// <summary>A scenario namespace that only serves container logs, from a script; every other call fails the test.</summary>
internal sealed class LogOnlyNamespace : IScenarioNamespace
{
    /// <summary>Answers each read: (previous) → log text; throw to simulate API errors. Called in read order.</summary>
    public required Func<bool, string> Logs { get; init; }

    /// <summary>Every read so far: pod, container, previous.</summary>
    public List<(string Pod, string Container, bool Previous)> Reads { get; } = [];

    public string Name => "ns";

    /// <summary>The backend it claims to be on (the kubelet model's profile follows its version).</summary>
    public BackendInfo Backend { get; init; } = new(BackendKind.Emulated, "emulated-v1.32", "log-only test namespace");

    public Task<string> ReadLogAsync(string podName, string containerName, bool previous, CancellationToken cancellationToken)
    {
        Reads.Add((podName, containerName, previous));
        return Task.FromResult(Logs(previous));
    }

    public Task ApplyAsync(Workload workload, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ScaleAsync(string deploymentName, int replicas, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeletePodAsync(string podName, long? gracePeriodSeconds, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<V1Pod>> ListPodsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<V1EndpointSlice>> ListEndpointSlicesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<Corev1Event>> ListEventsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<ClusterChange> WatchAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<HttpResponseMessage> SendToPodAsync(string podName, int port, HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<HttpResponseMessage> SendToServiceAsync(string serviceName, int port, HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<string?> ReleaseAsync(bool keep, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
