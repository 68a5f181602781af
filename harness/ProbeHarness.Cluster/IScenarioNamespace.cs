using k8s;
using k8s.Models;

namespace ProbeHarness.Cluster;

/// <summary>One scenario's namespace on a backend: deploy, observe, reach pods and Services, tear down.</summary>
/// <remarks>Every object is a KubernetesClient model type so assertions are written once for every backend.</remarks>
public interface IScenarioNamespace : IAsyncDisposable
{
    /// <summary>The namespace name.</summary>
    string Name { get; }

    /// <summary>The backend that owns this namespace.</summary>
    BackendInfo Backend { get; }

    /// <summary>Creates the workload's Deployment and Service in this namespace (the namespace field is overwritten).</summary>
    Task ApplyAsync(Workload workload, CancellationToken cancellationToken);

    /// <summary>
    /// Checks, before a workload uses it, that <paramref name="image"/> can run on this cluster (pulled or present) and, with
    /// <paramref name="needsShell"/>, that it has <c>/bin/sh</c>; a backend with nothing to check (the emulated one checks its image map
    /// when the workload is applied) answers usable.
    /// </summary>
    Task<ImageCheck> CheckImageAsync(string image, string? pullPolicy, bool needsShell, TimeSpan within, CancellationToken cancellationToken) =>
        Task.FromResult(ImageCheck.Ok(image));

    /// <summary>Sets a Deployment's replica count.</summary>
    Task ScaleAsync(string deploymentName, int replicas, CancellationToken cancellationToken);

    /// <summary>Deletes a pod, with the pod's own grace period when <paramref name="gracePeriodSeconds"/> is null.</summary>
    Task DeletePodAsync(string podName, long? gracePeriodSeconds, CancellationToken cancellationToken);

    /// <summary>The namespace's pods now.</summary>
    Task<IReadOnlyList<V1Pod>> ListPodsAsync(CancellationToken cancellationToken);

    /// <summary>The namespace's EndpointSlices now (v1beta1 slices are converted to the v1 model).</summary>
    Task<IReadOnlyList<V1EndpointSlice>> ListEndpointSlicesAsync(CancellationToken cancellationToken);

    /// <summary>The namespace's events now.</summary>
    Task<IReadOnlyList<Corev1Event>> ListEventsAsync(CancellationToken cancellationToken);

    /// <summary>Streams every change of pods, EndpointSlices and events, starting with the current objects as <see cref="WatchEventType.Added"/>.</summary>
    IAsyncEnumerable<ClusterChange> WatchAsync(CancellationToken cancellationToken);

    /// <summary>Sends an HTTP request (relative URI) to one pod's container port, e.g. the target app's fault API.</summary>
    Task<HttpResponseMessage> SendToPodAsync(string podName, int port, HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>Sends an HTTP request (relative URI) through a Service, as a client of the Service would.</summary>
    Task<HttpResponseMessage> SendToServiceAsync(string serviceName, int port, HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>Reads a container's log: the current instance, or the previous one after a restart.</summary>
    /// <remarks>Which instance each is follows the kubelet: previous is the last terminated one (lastState), so while a container waits in back-off both name the same instance.</remarks>
    /// <exception cref="NoPreviousContainerException"><paramref name="previous"/> is true and the container has not terminated before.</exception>
    Task<string> ReadLogAsync(string podName, string containerName, bool previous, CancellationToken cancellationToken);

    /// <summary>Tears the namespace down (a real cluster finishes in the background; its backend waits for that before it stops), or keeps it (returning how to reach it) when <paramref name="keep"/> is true.</summary>
    Task<string?> ReleaseAsync(bool keep, CancellationToken cancellationToken);
}
