using k8s;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.Api;
using ProbeHarness.Kubernetes.EndpointSlices;
using ProbeHarness.Kubernetes.Namespaces;
using ProbeHarness.Kubernetes.Preflight;
using ProbeHarness.Kubernetes.Watching;

namespace ProbeHarness.Kubernetes.Existing;

/// <summary>An existing cluster (kind, a cloud cluster, the local v1.20 build) reached through a kubeconfig; only the scenario namespaces are touched.</summary>
public sealed class KubeconfigBackend : IClusterBackend
{
    /// <summary>How long the API server may take to tell its version before the run fails.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(20);

    private readonly BackendOptions _options;
    private readonly TimeProvider _time;
    private readonly ApiRetrySettings _retry;
    private readonly RunIdentity _run;
    private KubernetesConnection? _connection;
    private ScenarioNamespaceFactory? _namespaces;

    /// <summary>Creates the backend; nothing is contacted until <see cref="StartAsync"/>.</summary>
    /// <param name="options">The kubeconfig, context and target image.</param>
    /// <param name="run">The run's identity, or null for a new one.</param>
    /// <param name="retry">How API calls are retried, or null for the defaults.</param>
    /// <param name="time">The clock, or null for the system clock.</param>
    public KubeconfigBackend(BackendOptions options, RunIdentity? run = null, ApiRetrySettings? retry = null, TimeProvider? time = null)
    {
        _options = options;
        _run = run ?? RunIdentity.New();
        _retry = retry ?? ApiRetrySettings.Default;
        _time = time ?? TimeProvider.System;
        Info = new BackendInfo(BackendKind.Kubeconfig, "unknown", $"existing cluster from {options.KubeconfigPath} (not connected yet)");
    }

    /// <inheritdoc />
    public BackendInfo Info { get; private set; }

    /// <inheritdoc />
    /// <exception cref="ClusterUnavailableException">The kubeconfig, its context, the target image or the API server is missing; the message names which.</exception>
    public async Task StartAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var (configuration, context) = KubeconfigLoader.Load(_options.KubeconfigPath, _options.KubeconfigSource, _options.KubeContext);
        _connection = KubernetesConnection.Create(configuration, _options.KubeconfigPath, context, _retry, _time);
        var label = Info.Label;
        var version = await TimedPhase.RunAsync(
            progress, label, _time,
            () => ReadVersionAsync(_connection, context, cancellationToken),
            found => $"connected to {_connection.ApiServer} (context {context}, Kubernetes {found.GitVersion})").ConfigureAwait(false);

        Info = new BackendInfo(BackendKind.Kubeconfig, version.GitVersion,
            $"existing cluster: context {context} at {_connection.ApiServer} (kubeconfig {_options.KubeconfigPath})");

        // Checked once the API server answered: with a dead server, that is the problem to name first.
        var targetImage = _options.TargetImage ?? throw new ClusterUnavailableException(
            $"{EnvironmentVariables.TargetImage} is not set: on an existing cluster the target app's image must already be reachable by its nodes. " +
            "Build target-app/Dockerfile, load or push it (kind: kind load docker-image probe-harness/target-app:dev) and set " +
            $"{EnvironmentVariables.TargetImage}=probe-harness/target-app:dev.");

        var slices = await EndpointSliceApi.DetectAsync(_connection.Client, _connection.Api, cancellationToken).ConfigureAwait(false);
        progress.Report($"{label} EndpointSlices are read as {slices.GroupVersion}");
        await CheckNodeAsync(progress, label, cancellationToken).ConfigureAwait(false);
        await LeftoverNamespaces.CleanAsync(_connection, _run, progress, cancellationToken).ConfigureAwait(false);

        _namespaces = new ScenarioNamespaceFactory(new ScenarioNamespaceContext(
            _connection, slices, Info, _run, targetImage, progress, WatchResumeSettings.Default, NamespaceDeletions.DefaultTimeout));
    }

    /// <inheritdoc />
    public Task<IScenarioNamespace> CreateNamespaceAsync(string scenarioSlug, CancellationToken cancellationToken) =>
        (_namespaces ?? throw new InvalidOperationException("StartAsync must succeed before namespaces are created."))
            .CreateAsync(scenarioSlug, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Waits first for the namespace deletions still running (at most the deletion timeout), so the cluster is left as found.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (_namespaces is not null)
        {
            await _namespaces.DrainDeletionsAsync(NamespaceDeletions.DefaultTimeout).ConfigureAwait(false);
        }

        _connection?.Dispose();
    }

    private async Task<k8s.Models.VersionInfo> ReadVersionAsync(KubernetesConnection connection, string context, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            return await connection.Api.RunAsync(
                $"reading the server version (context {context} of {_options.KubeconfigPath})",
                token => connection.Client.Version.GetCodeAsync(token),
                timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClusterUnavailableException(
                $"The API server at {connection.ApiServer} (context {context} of {_options.KubeconfigPath}) did not answer within {ConnectTimeout.TotalSeconds:0} s.",
                exception);
        }
    }

    private async Task CheckNodeAsync(IProgress<string> progress, string label, CancellationToken cancellationToken)
    {
        try
        {
            await TimedPhase.RunAsync(
                progress, label, _time,
                () => ClusterPreflight.WaitForReadyNodeAsync(_connection!, TimeSpan.FromSeconds(60), cancellationToken),
                node => $"node {node.Metadata.Name} is Ready, checked").ConfigureAwait(false);
        }
        catch (InvalidOperationException exception) when (ApiErrors.StatusOf(exception.InnerException!) == System.Net.HttpStatusCode.Forbidden)
        {
            progress.Report($"{label} cannot list nodes ({exception.Message}); the node check is skipped");
        }
    }
}
