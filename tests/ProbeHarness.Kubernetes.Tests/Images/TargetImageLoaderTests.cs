using Docker.DotNet;
using DotNet.Testcontainers.Configurations;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.Images;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Images;

/// <summary>The real build: needs a Docker engine (DOCKER_HOST, or where Testcontainers finds one); skipped, with the reason, where none answers.</summary>
public sealed class TargetImageLoaderTests
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Builds_the_target_app_image_from_its_dockerfile_with_the_configured_build_arguments()
    {
        // Given a Docker engine that answers, and the build arguments of HARNESS_TARGET_BUILD_ARGS (none: the Dockerfile's defaults)
        var cancellationToken = TestContext.Current.CancellationToken;
        var options = BackendOptions.FromProcessEnvironment();
        using var docker = await ConnectOrSkipAsync(options, cancellationToken);
        var progress = new ProgressLog();
        var loader = new TargetImageLoader(docker, progress, "[k3s]", TimeProvider.System, options.TargetBuildArgs);

        // When the harness's own build path builds target-app/Dockerfile
        var imageId = await loader.BuildAsync(RepositoryPaths.Root, cancellationToken);

        // Then the image has the Dockerfile's entry point and non-root user, and the build was reported with its arguments
        var image = await docker.Images.InspectImageAsync(imageId, cancellationToken);
        Assert.StartsWith("sha256:", imageId, StringComparison.Ordinal);
        Assert.NotNull(image.Config);
        Assert.Equal(["dotnet", "ProbeHarness.TargetApp.dll"], image.Config.Entrypoint);
        Assert.Equal("1654", image.Config.User);
        Assert.Equal("/app", image.Config.WorkingDir);
        Assert.Contains(progress.Lines, line => line.StartsWith("[k3s] target app image built from target-app/Dockerfile", StringComparison.Ordinal));
        foreach (var (name, value) in options.TargetBuildArgs)
        {
            Assert.Contains(progress.Lines, line => line.Contains($"{name}={value}", StringComparison.Ordinal));
        }
    }

    private static async Task<DockerClient> ConnectOrSkipAsync(BackendOptions options, CancellationToken cancellationToken)
    {
        Uri? endpoint = options.DockerHost is { } host
            ? new Uri(host)
            : TestcontainersSettings.OS.DockerEndpointAuthConfig?.Endpoint;
        if (endpoint is null)
        {
            Assert.Skip($"Needs a Docker engine: {EnvironmentVariables.DockerHost} is unset and Testcontainers found none.");
        }

        var client = new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(TimeSpan.FromMinutes(20)).Build();
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(PingTimeout);
            await client.System.PingAsync(deadline.Token);
            return client;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            Assert.Skip($"Needs a Docker engine; none answers at {endpoint}: {exception.Message}");
            throw;
        }
    }
}
