using System.Net;
using k8s;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.Api;
using ProbeHarness.Kubernetes.Watching;

namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>Reading the namespace: lists, watches and logs.</summary>
public sealed partial class KubernetesScenarioNamespace
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<V1Pod>> ListPodsAsync(CancellationToken cancellationToken)
    {
        var list = await Api.RunAsync($"listing pods in {Name}", token => Client.CoreV1.ListNamespacedPodAsync(Name, cancellationToken: token), cancellationToken)
            .ConfigureAwait(false);
        return list.Items.ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<V1EndpointSlice>> ListEndpointSlicesAsync(CancellationToken cancellationToken)
    {
        var (items, _) = await Api.RunAsync(
            $"listing EndpointSlices ({_context.EndpointSlices.GroupVersion}) in {Name}",
            token => _context.EndpointSlices.ListAsync(Name, token),
            cancellationToken).ConfigureAwait(false);
        return items;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Corev1Event>> ListEventsAsync(CancellationToken cancellationToken)
    {
        var list = await Api.RunAsync($"listing events in {Name}", token => Client.CoreV1.ListNamespacedEventAsync(Name, cancellationToken: token), cancellationToken)
            .ConfigureAwait(false);
        return list.Items.ToList();
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ClusterChange> WatchAsync(CancellationToken cancellationToken)
    {
        var where = $"namespace {Name}";
        var resources = new[]
        {
            WatchedResourceFactory.Of<V1Pod>(
                "pods",
                async token =>
                {
                    var list = await Client.CoreV1.ListNamespacedPodAsync(Name, cancellationToken: token).ConfigureAwait(false);
                    return (list.Items, list.Metadata?.ResourceVersion);
                },
                (resourceVersion, onError, token) => Client.CoreV1.WatchListNamespacedPodAsync(
                    Name, resourceVersion: resourceVersion, onError: onError, cancellationToken: token)),
            WatchedResourceFactory.Of<V1EndpointSlice>(
                $"EndpointSlices ({_context.EndpointSlices.GroupVersion})",
                async token =>
                {
                    var (items, resourceVersion) = await _context.EndpointSlices.ListAsync(Name, token).ConfigureAwait(false);
                    return (items, resourceVersion);
                },
                (resourceVersion, onError, token) => _context.EndpointSlices.WatchAsync(Name, resourceVersion, onError, token)),
            WatchedResourceFactory.Of<Corev1Event>(
                "events",
                async token =>
                {
                    var list = await Client.CoreV1.ListNamespacedEventAsync(Name, cancellationToken: token).ConfigureAwait(false);
                    return (list.Items, list.Metadata?.ResourceVersion);
                },
                (resourceVersion, onError, token) => Client.CoreV1.WatchListNamespacedEventAsync(
                    Name, resourceVersion: resourceVersion, onError: onError, cancellationToken: token)),
        };

        var reflectors = resources
            .Select(resource => new ResourceReflector(resource, where, _context.Connection.Time, _context.WatchResume, _context.Progress))
            .ToList();
        return ClusterChangeStream.MergeAsync(reflectors, cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> ReadLogAsync(string podName, string containerName, bool previous, CancellationToken cancellationToken)
    {
        var which = previous ? "previous" : "current";
        return Api.RunAsync($"reading the {which} log of {podName}/{containerName} in {Name}", async token =>
        {
            try
            {
                await using var stream = await Client.CoreV1.ReadNamespacedPodLogAsync(
                    podName, Name, container: containerName, previous: previous, cancellationToken: token).ConfigureAwait(false);
                using var reader = new StreamReader(stream);
                return await reader.ReadToEndAsync(token).ConfigureAwait(false);
            }
            catch (Exception exception) when (previous && ApiErrors.StatusOf(exception) == HttpStatusCode.BadRequest)
            {
                throw new NoPreviousContainerException(
                    $"Container {containerName} of pod {podName} in {Name} has no previous instance (it has not restarted): {ApiErrors.Describe(exception)}",
                    exception);
            }
            catch (Exception exception) when (ApiErrors.IsNotFound(exception))
            {
                throw new InvalidOperationException($"Pod {podName} does not exist in namespace {Name}.", exception);
            }
        }, cancellationToken);
    }
}
