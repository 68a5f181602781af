using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using k8s;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.Api;
using ProbeHarness.Kubernetes.EndpointSlices;
using ProbeHarness.Kubernetes.Images;
using ProbeHarness.Kubernetes.Namespaces;
using ProbeHarness.Kubernetes.Preflight;
using ProbeHarness.Kubernetes.Watching;
using Testcontainers.K3s;

namespace ProbeHarness.Kubernetes.K3s;

/// <summary>A disposable K3s cluster in one Docker container per run: boots, checks node and CoreDNS, loads the target app image, and is thrown away.</summary>
public sealed class K3sBackend : IClusterBackend
{
    /// <summary>How long the node and CoreDNS may take to become Ready after K3s booted.</summary>
    public static readonly TimeSpan PreflightTimeout = TimeSpan.FromSeconds(120);

    private readonly BackendOptions _options;
    private readonly RunIdentity _run;
    private readonly ApiRetrySettings _retry;
    private readonly TimeProvider _time;
    private IProgress<string> _progress = new Progress<string>();
    private K3sContainer? _container;
    private IDockerEndpointAuthenticationConfiguration? _docker;
    private LocalImageLoader? _localImages;
    private KubeconfigFile? _kubeconfig;
    private KubernetesConnection? _connection;
    private ScenarioNamespaceFactory? _namespaces;
    private bool _compat;

    // Where the compat image's logs are packed before they are read out (outside the folder being packed).
    private const string LogSnapshot = "/tmp/k3s-compat-logs.tar";

    /// <summary>Creates the backend; nothing runs until <see cref="StartAsync"/>.</summary>
    /// <param name="options">The K3s image, boot timeout and keep-on-failure setting.</param>
    /// <param name="run">The run's identity, or null for a new one.</param>
    /// <param name="retry">How API calls are retried, or null for the defaults.</param>
    /// <param name="time">The clock, or null for the system clock.</param>
    public K3sBackend(BackendOptions options, RunIdentity? run = null, ApiRetrySettings? retry = null, TimeProvider? time = null)
    {
        _options = options;
        _run = run ?? RunIdentity.New();
        _retry = retry ?? ApiRetrySettings.Default;
        _time = time ?? TimeProvider.System;
        Info = new BackendInfo(BackendKind.K3s, options.K3sImage[(options.K3sImage.LastIndexOf(':') + 1)..], $"disposable K3s ({options.K3sImage}) in Docker, not started yet");
    }

    /// <inheritdoc />
    public BackendInfo Info { get; private set; }

    /// <inheritdoc />
    /// <exception cref="ClusterUnavailableException">Docker is missing, K3s did not boot or a preflight check failed; the message names which.</exception>
    public async Task StartAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        _progress = progress;
        var label = Info.Label;
        var availability = await K3sAvailability.CheckAsync(_options, cancellationToken).ConfigureAwait(false);
        if (!availability.CanRunK3s)
        {
            throw new ClusterUnavailableException($"K3s cannot start: {availability.Finding}.");
        }

        progress.Report($"{label} {availability.Finding}");
        var docker = TestcontainersSettings.OS.DockerEndpointAuthConfig
            ?? throw new ClusterUnavailableException("Testcontainers found no Docker engine although one answered the availability check; check DOCKER_HOST and ~/.testcontainers.properties.");
        if (_options.DockerHost is { } host && !string.Equals(host.TrimEnd('/'), docker.Endpoint.ToString().TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            progress.Report($"{label} note: DOCKER_HOST={host} but Testcontainers uses {docker.Endpoint} (e.g. from ~/.testcontainers.properties)");
        }

        _docker = docker;
        using var dockerClient = docker.GetDockerClientBuilder().Build();
        foreach (var leftover in await LeftoverK3sContainers.RemoveAsync(dockerClient, _run.Host, cancellationToken).ConfigureAwait(false))
        {
            progress.Report($"{label} {leftover}");
        }

        var kubeconfigFolder = Path.Combine(Path.GetTempPath(), "probe-harness");
        foreach (var leftover in KubeconfigFile.RemoveLeftovers(kubeconfigFolder))
        {
            progress.Report($"{label} removed {leftover}, the kubeconfig of a killed earlier run");
        }

        var compatVersion = K3sCompatImage.VersionFrom(
            (await dockerClient.Images.InspectImageAsync(_options.K3sImage, cancellationToken).ConfigureAwait(false)).Config?.Labels);
        _compat = compatVersion is not null;
        _container = await BootAsync(docker, label, cancellationToken).ConfigureAwait(false);
        _kubeconfig = KubeconfigFile.Write(
            kubeconfigFolder,
            KubeconfigFile.FileNameFor(_run.RunId),
            K3sClusterSettings.PinTlsServerName(await _container.GetKubeconfigAsync().ConfigureAwait(false)));
        _connection = KubernetesConnection.Create(
            KubernetesClientConfiguration.BuildConfigFromConfigFile(_kubeconfig.Path), _kubeconfig.Path, null, _retry, _time);

        var version = await _connection.Api.RunAsync("reading the K3s server version", token => _connection.Client.Version.GetCodeAsync(token), cancellationToken)
            .ConfigureAwait(false);
        Info = new BackendInfo(BackendKind.K3s, version.GitVersion, compatVersion is null
            ? $"disposable K3s {version.GitVersion} ({_options.K3sImage}) in Docker container {_container.Id[..12]}, API server {_connection.ApiServer}"
            : K3sCompatImage.Describe(_options.K3sImage, compatVersion, version.GitVersion, _container.Id[..12], _connection.ApiServer));

        await PreflightAsync(label, runsCoreDns: compatVersion is null, cancellationToken).ConfigureAwait(false);
        var slices = await EndpointSliceApi.DetectAsync(_connection.Client, _connection.Api, cancellationToken).ConfigureAwait(false);

        var shell = new TestcontainersShell(_container);
        var plan = await new TargetImageLoader(dockerClient, progress, label, _time, _options.TargetBuildArgs)
            .BuildAndLoadAsync(shell, RepositoryPaths.Root, cancellationToken).ConfigureAwait(false);
        var localImages = _localImages = new LocalImageLoader(docker.GetDockerClientBuilder().Build(), shell, progress, label, _time);
        await localImages.LoadAsync(_options.LoadImages, required: true, cancellationToken).ConfigureAwait(false);

        _namespaces = new ScenarioNamespaceFactory(new ScenarioNamespaceContext(
            _connection, slices, Info, _run, plan.Reference, progress, WatchResumeSettings.Default, NamespaceDeletions.DefaultTimeout)
        {
            // A user's workload (its own app) runs images built in this Docker engine: they are loaded as the target app's is.
            PrepareImages = (images, token) => localImages.LoadAsync(images.Where(image => image != plan.Reference), required: false, token),
        });
    }

    /// <inheritdoc />
    public Task<IScenarioNamespace> CreateNamespaceAsync(string scenarioSlug, CancellationToken cancellationToken) =>
        (_namespaces ?? throw new InvalidOperationException("StartAsync must succeed before namespaces are created."))
            .CreateAsync(scenarioSlug, cancellationToken);

    /// <summary>Throws the cluster away (namespace deletions still running go with it) and removes the kubeconfig, unless a namespace was kept for inspection: then both stay and the way in is printed.</summary>
    public async ValueTask DisposeAsync()
    {
        _connection?.Dispose();
        _localImages?.Dispose();
        if (_container is not null && _kubeconfig is not null && _options.KeepOnFailure && _namespaces?.Kept.Count > 0)
        {
            // The kept cluster keeps the failed scenarios' namespaces only: the others' deletions finish first.
            await _namespaces.DrainDeletionsAsync(NamespaceDeletions.DefaultTimeout).ConfigureAwait(false);
            _kubeconfig.Keep();
            _progress.Report(
                $"{Info.Label} K3s container {_container.Id[..12]} kept for namespaces {string.Join(", ", _namespaces.Kept)}: " +
                $"kubectl --kubeconfig {_kubeconfig.Path} get pods -A; remove it with: docker rm -f {_container.Id[..12]} && rm {_kubeconfig.Path}");
            return;
        }

        if (_container is not null && _docker is not null)
        {
            await SaveLogsAsync(_container).ConfigureAwait(false);
            await DisposeAndRemoveAsync(_container, _docker).ConfigureAwait(false);
        }

        _kubeconfig?.Dispose();
    }

    private async Task<K3sContainer> BootAsync(IDockerEndpointAuthenticationConfiguration docker, string label, CancellationToken cancellationToken)
    {
        var reportedHost = K3sClusterSettings.ReportedHost(TestcontainersSettings.DockerHostOverride, docker.Endpoint);
        var cgroupVersion = await ReadCgroupVersionAsync(docker).ConfigureAwait(false);
        var kubeletArguments = K3sClusterSettings.KubeletArguments(_options.K3sImage, cgroupVersion);
        if (kubeletArguments.Count > 0)
        {
            _progress.Report($"{label} Docker runs on cgroup v1, which the kubelet of K3s v1.35 and later refuses by default: booting with {string.Join(' ', kubeletArguments)}");
        }

        var builder = new K3sBuilder(_options.K3sImage)
            .WithCommand([.. K3sClusterSettings.ServerArguments(reportedHost), .. kubeletArguments])
            .WithLabel(RunIdentity.RunLabel, _run.RunId)
            .WithLabel(RunIdentity.HostLabel, _run.Host)
            .WithLabel(RunIdentity.ProcessLabel, _run.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithLabel(K3sClusterSettings.RoleLabel, K3sClusterSettings.K3sRole)
            // Kept clusters must survive the process; Testcontainers' reaper would remove them when it exits.
            .WithCleanUp(!_options.KeepOnFailure);
        var container = (_options.KeepOnFailure ? builder.WithLabel(LeftoverK3sContainers.KeepLabel, "true") : builder).Build();

        var started = _time.GetTimestamp();
        using var boot = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        boot.CancelAfter(_options.K3sBootTimeout);
        try
        {
            await container.StartAsync(boot.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C during the boot: the container exists already and nobody else will remove it (the reaper may be off).
            // Testcontainers may report the interrupted start as another error; the caller asked to cancel, so it is a cancellation.
            await DisposeAndRemoveAsync(container, docker).ConfigureAwait(false);
            if (exception is OperationCanceledException)
            {
                throw;
            }

            throw new OperationCanceledException($"The K3s boot was cancelled ({exception.Message}).", exception, cancellationToken);
        }
        catch (Exception exception)
        {
            var failure = boot.IsCancellationRequested ? null : exception;
            var message = K3sBootDiagnostics.Explain(
                _options.K3sImage, failure, _options.K3sBootTimeout, await ReadLogAsync(container).ConfigureAwait(false), cgroupVersion);
            await SaveLogsAsync(container).ConfigureAwait(false);
            await DisposeAndRemoveAsync(container, docker).ConfigureAwait(false);
            throw new ClusterUnavailableException(message, exception);
        }

        _progress.Report($"{label} K3s booted ({_options.K3sImage}, container {container.Id[..12]}) in {_time.GetElapsedTime(started).TotalSeconds:0.0} s");
        return container;
    }

    // Testcontainers removes a container on dispose only when its reaper is on (WithCleanUp sets the reaper's session);
    // with TESTCONTAINERS_RYUK_DISABLED=true it only stops it, which would leave the container and its volumes behind.
    // A start cancelled between Docker's create and Testcontainers' inspect leaves a container Testcontainers has no id
    // for (its dispose then throws "Could not find resource"), so the run's label finds what to remove, not the id.
    private async Task DisposeAndRemoveAsync(K3sContainer container, IDockerEndpointAuthenticationConfiguration docker)
    {
        try
        {
            await container.DisposeAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Testcontainers never learnt the container's id; the label below still finds it.
        }

        using var client = docker.GetDockerClientBuilder().Build();
        await LeftoverK3sContainers.RemoveLabelledAsync(client, RunIdentity.RunLabel, _run.RunId, CancellationToken.None).ConfigureAwait(false);
    }

    // The cluster's logs outlive its container when HARNESS_K3S_LOGS names a folder: K3s logs everything to its output; the
    // compat image also keeps one file per component (the timing check reads its kubelet.log). Saving is best effort.
    private async Task SaveLogsAsync(K3sContainer container)
    {
        if (_options.K3sLogDirectory is not { } folder || string.IsNullOrEmpty(container.Id))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "k3s-output.log"), await ReadLogAsync(container).ConfigureAwait(false) ?? "").ConfigureAwait(false);
            if (_compat)
            {
                // Docker's archive of a file that grows while it is read breaks off ("read past the end of the stream"): the
                // components still write. tar inside the container cuts each file at the size it found (exit 1: changed as read).
                var snapshot = await container.ExecAsync(["tar", "-C", K3sCompatImage.LogFolder, "-cf", LogSnapshot, "."]).ConfigureAwait(false);
                if (snapshot.ExitCode > 1)
                {
                    throw new IOException($"tar of {K3sCompatImage.LogFolder} in the container exited {snapshot.ExitCode}: {snapshot.Stderr.Trim()}");
                }

                await using var archive = new MemoryStream(await container.ReadFileAsync(LogSnapshot).ConfigureAwait(false));
                await System.Formats.Tar.TarFile.ExtractToDirectoryAsync(archive, folder, overwriteFiles: true).ConfigureAwait(false);
            }

            _progress.Report($"{Info.Label} cluster logs saved to {Path.GetFullPath(folder)}");
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            _progress.Report($"{Info.Label} could not save the cluster's logs to {folder}: {exception.Message}");
        }
    }

    private async Task PreflightAsync(string label, bool runsCoreDns, CancellationToken cancellationToken)
    {
        try
        {
            await TimedPhase.RunAsync(_progress, label, _time,
                () => ClusterPreflight.WaitForReadyNodeAsync(_connection!, PreflightTimeout, cancellationToken),
                node => $"preflight: node {node.Metadata.Name} Ready").ConfigureAwait(false);
            if (!runsCoreDns)
            {
                // The compat image (upstream Kubernetes, no add-ons) has none to wait for; real K3s always does.
                _progress.Report($"{label} {K3sCompatImage.NoCoreDnsFinding}");
                return;
            }

            await TimedPhase.RunAsync(_progress, label, _time,
                () => ClusterPreflight.WaitForCoreDnsAsync(_connection!, PreflightTimeout, cancellationToken),
                pod => $"preflight: CoreDNS ({pod.Metadata.Name}) Ready").ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new ClusterUnavailableException($"K3s booted but its preflight failed: {exception.Message}", exception);
        }
    }

    private static async Task<string?> ReadLogAsync(K3sContainer container)
    {
        try
        {
            var (stdout, stderr) = await container.GetLogsAsync(timestampsEnabled: false).ConfigureAwait(false);
            return stdout + stderr;
        }
        catch (Exception exception) when (exception is DockerApiException or InvalidOperationException or HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<string?> ReadCgroupVersionAsync(IDockerEndpointAuthenticationConfiguration docker)
    {
        try
        {
            using var client = docker.GetDockerClientBuilder().Build();
            return (await client.System.GetSystemInfoAsync().ConfigureAwait(false)).CgroupVersion;
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException or IOException)
        {
            return null;
        }
    }
}
