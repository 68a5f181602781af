using System.Globalization;
using k8s;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Emulated.Services;

namespace ProbeHarness.Emulated.Api;

/// <summary>
/// One scenario's namespace on the emulated backend: an in-memory API server with a Deployment controller, a trivial scheduler,
/// one <see cref="Kubelet.PodKubelet"/> per pod, the EndpointSlice controller, an event store, watches and a loopback proxy per Service port.
/// </summary>
/// <remarks>Every object it returns says it is emulated: <c>spec.nodeName: emulated</c> and the annotation <c>probe-harness/emulated: "true"</c>.</remarks>
public sealed partial class EmulatedNamespace : IScenarioNamespace
{
    private readonly Lock _gate = new();
    private readonly EmulatedNamespaceContext _context;
    private readonly Dictionary<string, DeploymentRecord> _deployments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServiceRecord> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PodRecord> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Corev1Event> _events = new(StringComparer.Ordinal);
    private readonly ChangeFeed _feed = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly HttpClient _http;
    private long _resourceVersion;
    private bool _released;
    private bool _kept;
    private bool _disposed;
    private string? _releaseResult;

    internal EmulatedNamespace(string name, EmulatedNamespaceContext context)
    {
        Name = name;
        _context = context;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Uid = Guid.NewGuid().ToString();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public BackendInfo Backend => _context.Backend;

    /// <summary>The namespace's uid.</summary>
    public string Uid { get; }

    /// <summary>Where each Service port's proxy listens, as <c>service:port → http://address:port</c>.</summary>
    public IReadOnlyList<string> ServiceAddresses
    {
        get
        {
            lock (_gate)
            {
                return _services.Values
                    .SelectMany(s => s.Proxies.Select(p => $"{s.Name}:{p.ServicePort} → {p.Address}"))
                    .ToList();
            }
        }
    }

    /// <summary>The proxy in front of one Service port (for diagnostics and tests).</summary>
    public EmulatedServiceProxy ServiceProxy(string serviceName, int port)
    {
        lock (_gate)
        {
            return FindProxy(serviceName, port);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_released)
        {
            await ReleaseAsync(keep: false, CancellationToken.None).ConfigureAwait(false);
        }
        else if (_kept)
        {
            List<ServiceRecord> services;
            lock (_gate)
            {
                services = [.. _services.Values];
            }

            await StopProxiesAsync(services).ConfigureAwait(false);
        }

        _http.Dispose();
        _lifetime.Dispose();
    }

    private DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private void ThrowIfReleased() =>
        ObjectDisposedException.ThrowIf(_released, $"emulated namespace {Name} (released)");

    // Stamps a new resourceVersion and sends a copy to every watcher; callers hold _gate.
    private void Publish(WatchEventType type, IKubernetesObject<V1ObjectMeta> item)
    {
        item.Metadata.ResourceVersion = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
        _feed.Publish(new ClusterChange(Now, type, CopyObject(item)));
    }

    private static IKubernetesObject<V1ObjectMeta> CopyObject(IKubernetesObject<V1ObjectMeta> item) => item switch
    {
        V1Pod pod => EmulatedObjects.Copy(pod),
        V1EndpointSlice slice => EmulatedObjects.Copy(slice),
        Corev1Event recorded => EmulatedObjects.Copy(recorded),
        _ => throw new ArgumentException($"the emulated watch carries pods, EndpointSlices and events, not {item.Kind}", nameof(item)),
    };

    private void Report(string message) => _context.Progress.Report($"{Backend.Label} {Name}: {message}");
}
