using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.Existing;
using ProbeHarness.Kubernetes.K3s;

namespace ProbeHarness.Kubernetes;

/// <summary>The entry point for the step library: choose the backend, then create and start a real-cluster one.</summary>
/// <example>
/// <code>
/// var options = BackendOptions.FromProcessEnvironment();
/// var choice = await KubernetesBackends.SelectAsync(options, ct);          // prints choice.Reason first
/// IClusterBackend backend = choice.Kind == BackendKind.Emulated
///     ? /* ProbeHarness.Emulated's backend */
///     : await KubernetesBackends.CreateAsync(choice.Kind, options, progress, ct);
/// </code>
/// </example>
public static class KubernetesBackends
{
    /// <summary>Chooses the backend, asking Docker (within a short timeout) only when auto or k3s needs it.</summary>
    /// <exception cref="ClusterUnavailableException">HARNESS_BACKEND=k3s and Docker cannot run K3s; the message names what is missing.</exception>
    public static async Task<BackendChoice> SelectAsync(BackendOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var availability = BackendSelection.NeedsK3sAvailability(options)
            ? await K3sAvailability.CheckAsync(options, cancellationToken).ConfigureAwait(false)
            : null;
        return BackendSelection.Choose(options, availability);
    }

    /// <summary>Creates and starts a k3s or kubeconfig backend; a backend that fails to start is disposed before the error is thrown.</summary>
    /// <param name="kind"><see cref="BackendKind.K3s"/> or <see cref="BackendKind.Kubeconfig"/>.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="progress">Receives each startup phase with its duration.</param>
    /// <param name="cancellationToken">Cancels the startup.</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="BackendKind.Emulated"/>, which ProbeHarness.Emulated creates.</exception>
    /// <exception cref="ClusterUnavailableException">The backend cannot start; the message names what is missing.</exception>
    public static async Task<IClusterBackend> CreateAsync(
        BackendKind kind, BackendOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        IClusterBackend backend = kind switch
        {
            BackendKind.K3s => new K3sBackend(options),
            BackendKind.Kubeconfig => new KubeconfigBackend(options),
            _ => throw new ArgumentException($"{kind} is not a real-cluster backend; the emulated backend is created by ProbeHarness.Emulated.", nameof(kind)),
        };

        try
        {
            await backend.StartAsync(progress, cancellationToken).ConfigureAwait(false);
            return backend;
        }
        catch
        {
            await backend.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
