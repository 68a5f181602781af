using ProbeHarness.Emulated.Services;

namespace ProbeHarness.Emulated.Api;

/// <summary>Reaching pods and Services, and reading container logs.</summary>
public sealed partial class EmulatedNamespace
{
    /// <inheritdoc />
    public Task<HttpResponseMessage> SendToPodAsync(string podName, int port, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfReleased();
        string ip;
        lock (_gate)
        {
            ip = FindPod(podName).Ip;
        }

        request.RequestUri = Absolute(new Uri($"http://{ip}:{port}"), request.RequestUri);
        return _http.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Goes through the Service port's loopback proxy, which picks a ready endpoint per request and answers 503 when there is none.</remarks>
    public Task<HttpResponseMessage> SendToServiceAsync(string serviceName, int port, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfReleased();
        EmulatedServiceProxy proxy;
        lock (_gate)
        {
            proxy = FindProxy(serviceName, port);
        }

        request.RequestUri = Absolute(proxy.Address, request.RequestUri);
        return _http.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The instance is picked from the kubelet's own latest status, as the real kubelet does (<see cref="ContainerLogSelection"/>).</remarks>
    public Task<string> ReadLogAsync(string podName, string containerName, bool previous, CancellationToken cancellationToken)
    {
        ThrowIfReleased();
        PodRecord record;
        lock (_gate)
        {
            record = FindPod(podName);
        }

        var containerId = ContainerLogSelection.ContainerIdFor(record.Kubelet.Snapshot(), containerName, previous);
        return Task.FromResult(_context.Runtime.ReadLog(record.Pod, containerName, containerId));
    }

    // Callers hold _gate.
    private PodRecord FindPod(string podName) =>
        _pods.TryGetValue(podName, out var record) && !record.Removed
            ? record
            : throw new InvalidOperationException($"Pod {podName} does not exist in namespace {Name}.");

    // Callers hold _gate.
    private EmulatedServiceProxy FindProxy(string serviceName, int port)
    {
        if (!_services.TryGetValue(serviceName, out var service))
        {
            throw new InvalidOperationException($"Service {serviceName} does not exist in namespace {Name}.");
        }

        return service.Proxies.FirstOrDefault(p => p.ServicePort == port)
            ?? throw new InvalidOperationException(
                $"Service {serviceName} in namespace {Name} has no port {port} (ports: {string.Join(", ", service.Proxies.Select(p => p.ServicePort))}).");
    }

    private static Uri Absolute(Uri baseAddress, Uri? relative)
    {
        if (relative is null)
        {
            return baseAddress;
        }

        return relative.IsAbsoluteUri
            ? throw new ArgumentException($"Requests to pods and Services take a relative URI, not {relative}.", nameof(relative))
            : new Uri(baseAddress, relative);
    }
}
