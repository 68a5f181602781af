using Docker.DotNet;
using DotNet.Testcontainers.Configurations;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.Api;

namespace ProbeHarness.Kubernetes.K3s;

/// <summary>Asks Docker, within a short timeout, whether K3s can run: does an engine answer, does it speak a usable API, is the K3s image present or pullable.</summary>
public static class K3sAvailability
{
    /// <summary>How long each question may take.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The Docker API version Testcontainers 4.16 requests unless <c>DOCKER_API_VERSION</c> says otherwise.</summary>
    public static readonly Version TestcontainersApiVersion = new(1, 44);

    /// <summary>Checks with the default timeout.</summary>
    public static Task<K3sAvailabilityReport> CheckAsync(BackendOptions options, CancellationToken cancellationToken) =>
        CheckAsync(options, DefaultTimeout, cancellationToken);

    /// <summary>Checks Docker at <c>DOCKER_HOST</c> (from the options) or where Testcontainers finds it; never throws for a missing engine, it reports it.</summary>
    public static async Task<K3sAvailabilityReport> CheckAsync(BackendOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var image = options.K3sImage;
        var (endpoint, problem) = await FindEndpointAsync(options, timeout, cancellationToken).ConfigureAwait(false);
        if (endpoint is null)
        {
            return K3sAvailabilityReport.NoDocker(options.DockerHost ?? "unix:///var/run/docker.sock", image, problem!);
        }

        var where = endpoint.ToString();
        using var client = new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(timeout).Build();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);

        Docker.DotNet.Models.VersionResponse version;
        try
        {
            version = await client.System.GetVersionAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return K3sAvailabilityReport.NoDocker(where, image, Describe(exception, timeout));
        }

        if (options.DockerApiVersion is null && Version.TryParse(version.APIVersion, out var api) && api < TestcontainersApiVersion)
        {
            return K3sAvailabilityReport.DockerUnusable(where, image,
                $"the engine (Docker {version.Version}) speaks API {version.APIVersion}, older than the {TestcontainersApiVersion} Testcontainers requests; " +
                $"set {EnvironmentVariables.DockerApiVersion}={version.APIVersion}");
        }

        if (await RootlessProblemAsync(client, deadline.Token).ConfigureAwait(false) is { } rootless)
        {
            return K3sAvailabilityReport.DockerUnusable(where, image, rootless);
        }

        try
        {
            await client.Images.InspectImageAsync(image, deadline.Token).ConfigureAwait(false);
            return K3sAvailabilityReport.ImagePresent(where, image);
        }
        catch (DockerImageNotFoundException)
        {
            // Not local: ask the registry below.
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return K3sAvailabilityReport.NoDocker(where, image, Describe(exception, timeout));
        }

        try
        {
            await client.Distribution.InspectAsync(image, deadline.Token).ConfigureAwait(false);
            return K3sAvailabilityReport.ImagePullable(where, image);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return K3sAvailabilityReport.ImageUnavailable(where, image, $"{Describe(exception, timeout)}; {K3sCompatImage.HowToGet(image)}");
        }
    }

    // K3s's kubelet needs cgroups it can write; rootless Docker gives a container those only on cgroup v2 with delegation.
    // An engine that does not say (or an /info that fails) is not held against it: the boot diagnostics explain a failed start.
    private static async Task<string?> RootlessProblemAsync(DockerClient client, CancellationToken cancellationToken)
    {
        Docker.DotNet.Models.SystemInfoResponse info;
        try
        {
            info = await client.System.GetSystemInfoAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException or IOException)
        {
            return null;
        }

        var rootless = info.SecurityOptions?.Any(o => o.Split(',').Contains("name=rootless", StringComparer.Ordinal)) == true;
        return rootless && info.CgroupVersion == "1"
            ? "it is rootless Docker on a cgroup v1 host, where a rootless container gets no writable cgroups and K3s's kubelet cannot start; " +
              "use rootful Docker, or boot the host with cgroup v2 (systemd.unified_cgroup_hierarchy=1) and delegate cpu, cpuset, io, memory and pids to the user (Delegate=yes)"
            : null;
    }

    private static async Task<(Uri? Endpoint, string? Problem)> FindEndpointAsync(
        BackendOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (options.DockerHost is { } host)
        {
            return Uri.TryCreate(host, UriKind.Absolute, out var uri)
                ? (uri, null)
                : (null, $"{EnvironmentVariables.DockerHost}='{host}' is not a URI such as unix:///var/run/docker.sock or tcp://127.0.0.1:2375");
        }

        try
        {
            // Testcontainers' discovery pings each candidate once per process; bound it like every other question.
            var found = await Task.Run(() => TestcontainersSettings.OS.DockerEndpointAuthConfig?.Endpoint, cancellationToken)
                .WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return found is null
                ? (null, $"{EnvironmentVariables.DockerHost} is unset and Testcontainers found no engine: not at /var/run/docker.sock, nor Docker Desktop's or the rootless socket")
                : (found, null);
        }
        catch (TimeoutException)
        {
            return (null, $"Testcontainers' Docker discovery did not finish within {timeout.TotalSeconds:0} s");
        }
    }

    private static string Describe(Exception exception, TimeSpan timeout) =>
        exception is OperationCanceledException or TimeoutException
            ? $"no answer within {timeout.TotalSeconds:0} s"
            : ApiErrors.Describe(exception);
}
