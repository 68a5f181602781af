namespace ProbeHarness.Cluster.Backends;

/// <summary>Chooses the backend from the options and what Docker said, and words the reason.</summary>
public static class BackendSelection
{
    /// <summary>True when choosing needs a <see cref="K3sAvailabilityReport"/> (auto or k3s).</summary>
    public static bool NeedsK3sAvailability(BackendOptions options) => options.Requested is null or BackendKind.K3s;

    /// <summary>Chooses the backend; an explicit k3s that cannot start fails here instead of falling back.</summary>
    /// <param name="options">The run's options.</param>
    /// <param name="k3sAvailability">What Docker said; required when <see cref="NeedsK3sAvailability"/> is true.</param>
    /// <exception cref="ClusterUnavailableException">k3s was asked for and cannot run; the message names what is missing.</exception>
    public static BackendChoice Choose(BackendOptions options, K3sAvailabilityReport? k3sAvailability)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Requested)
        {
            case BackendKind.Emulated:
                return new BackendChoice(BackendKind.Emulated, $"{EnvironmentVariables.Backend}=emulated → emulated");
            case BackendKind.Kubeconfig:
                var context = options.KubeContext is null ? "its current context" : $"context {options.KubeContext}";
                return new BackendChoice(
                    BackendKind.Kubeconfig,
                    $"{EnvironmentVariables.Backend}=kubeconfig → kubeconfig ({options.KubeconfigPath} from {options.KubeconfigSource}, {context})");
        }

        var availability = k3sAvailability ?? throw new ArgumentNullException(
            nameof(k3sAvailability), "auto and k3s need a K3sAvailabilityReport; call K3sAvailability.CheckAsync first.");
        if (options.Requested == BackendKind.K3s)
        {
            return availability.CanRunK3s
                ? new BackendChoice(BackendKind.K3s, $"{EnvironmentVariables.Backend}=k3s: {availability.Finding} → k3s")
                : throw new ClusterUnavailableException(
                    $"{EnvironmentVariables.Backend}=k3s but {availability.Finding}. Start Docker or point {EnvironmentVariables.DockerHost} at a running engine, " +
                    $"or choose {EnvironmentVariables.Backend}=emulated; the harness does not fall back when a backend is named.");
        }

        return availability.CanRunK3s
            ? new BackendChoice(BackendKind.K3s, $"auto: {availability.Finding} → k3s")
            : new BackendChoice(BackendKind.Emulated, $"auto: {availability.Finding} → emulated");
    }
}
