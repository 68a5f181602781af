using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.Manifests;

namespace ProbeHarness.Kubernetes.Images;

/// <summary>Builds the target app image from <c>target-app/Dockerfile</c> and loads it into K3s's containerd (Testcontainers.K3s has no image-load API).</summary>
/// <remarks>Once per run; the archive is reused, and the import skipped, while the image id is unchanged.</remarks>
public sealed class TargetImageLoader
{
    private const string SessionLabel = "org.testcontainers.session-id";
    private const string ReaperLabel = "org.testcontainers.resource-reaper-session";

    private readonly DockerClient _docker;
    private readonly IProgress<string> _progress;
    private readonly string _label;
    private readonly TimeProvider _time;
    private readonly IReadOnlyDictionary<string, string> _buildArguments;

    /// <summary>Creates the loader.</summary>
    /// <param name="docker">The Docker engine K3s runs on.</param>
    /// <param name="progress">Receives a line per step with its duration.</param>
    /// <param name="label">The backend label each line starts with.</param>
    /// <param name="time">The clock for durations.</param>
    /// <param name="buildArguments">The Dockerfile's build arguments (<c>HARNESS_TARGET_BUILD_ARGS</c>), e.g. local <c>SDK_IMAGE</c>/<c>RUNTIME_IMAGE</c>; empty for its defaults.</param>
    public TargetImageLoader(DockerClient docker, IProgress<string> progress, string label, TimeProvider time, IReadOnlyDictionary<string, string> buildArguments)
    {
        _buildArguments = buildArguments;
        _docker = docker;
        _progress = progress;
        _label = label;
        _time = time;
    }

    /// <summary>Builds, saves, copies and imports; returns the plan whose <see cref="ImageLoadPlan.Reference"/> pods run.</summary>
    /// <param name="container">The running K3s container.</param>
    /// <param name="repositoryRoot">The build context: the repository root.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ClusterUnavailableException">The Dockerfile is missing, or a step failed; the message names the step.</exception>
    public async Task<ImageLoadPlan> BuildAndLoadAsync(IContainerShell container, string repositoryRoot, CancellationToken cancellationToken)
    {
        var imageId = await BuildAsync(repositoryRoot, cancellationToken).ConfigureAwait(false);
        var plan = ImageLoadPlan.For(imageId, ImageArchiveCache.Directory);
        await _docker.Images.TagImageAsync(ImageLoadPlan.BuildName, new ImageTagParameters { RepositoryName = TargetAppImage.Repository, Tag = plan.Tag }, cancellationToken)
            .ConfigureAwait(false);

        var started = _time.GetTimestamp();
        var saved = await ImageArchiveCache.EnsureSavedAsync(_docker, plan, cancellationToken).ConfigureAwait(false);
        _progress.Report(saved
            ? $"{_label} saved {plan.Reference} ({new FileInfo(plan.HostTarPath).Length / 1024.0 / 1024.0:0} MB) in {_time.GetElapsedTime(started).TotalSeconds:0.0} s"
            : $"{_label} image unchanged ({plan.Tag}): reusing {plan.HostTarPath}");

        started = _time.GetTimestamp();
        var imported = await ContainerdImport.ImportAsync(container, plan, cancellationToken).ConfigureAwait(false);
        _progress.Report(imported
            ? $"{_label} {plan.Reference} imported into K3s's containerd in {_time.GetElapsedTime(started).TotalSeconds:0.0} s"
            : $"{_label} {plan.Reference} is already in K3s's containerd; import skipped");
        return plan;
    }

    /// <summary>Builds <c>target-app/Dockerfile</c> through Testcontainers' image-from-Dockerfile builder as <see cref="ImageLoadPlan.BuildName"/>; returns the image id.</summary>
    /// <param name="repositoryRoot">The build context: the repository root.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <exception cref="ClusterUnavailableException">The Dockerfile is missing or the build failed; the message names the Dockerfile and the build arguments.</exception>
    public async Task<string> BuildAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var dockerfile = TargetAppDockerfile.In(repositoryRoot);
        if (!File.Exists(dockerfile.DockerfilePath))
        {
            throw new ClusterUnavailableException($"The target app's Dockerfile is missing: {dockerfile.DockerfilePath}.");
        }

        var started = _time.GetTimestamp();
        var builder = new ImageFromDockerfileBuilder()
            .WithContextDirectory(dockerfile.ContextDirectory)
            // Testcontainers reads <Dockerfile>.dockerignore from the Dockerfile's own folder; naming the Dockerfile
            // "target-app/Dockerfile" under the root would miss target-app/Dockerfile.dockerignore and send bin/ and obj/.
            .WithDockerfileDirectory(dockerfile.DockerfileDirectory)
            .WithDockerfile(dockerfile.DockerfileName)
            .WithName(ImageLoadPlan.BuildName)
            .WithDeleteIfExists(false)
            .WithCleanUp(false)
            // Testcontainers labels images with its session; the label would change the image id every run and defeat the cache.
            .WithCreateParameterModifier(parameters =>
            {
                parameters.Labels?.Remove(SessionLabel);
                parameters.Labels?.Remove(ReaperLabel);
                // The classic builder keeps a failed step's container unless told to remove it (docker build --force-rm).
                parameters.ForceRemove = true;
            });
        foreach (var (name, value) in _buildArguments)
        {
            builder = builder.WithBuildArgument(name, value);
        }

        var image = builder.Build();
        try
        {
            await image.CreateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClusterUnavailableException(
                $"Building {dockerfile.DockerfilePath} (context {repositoryRoot}, {DescribeArguments()}) failed: {exception.Message}", exception);
        }

        var inspected = await _docker.Images.InspectImageAsync(ImageLoadPlan.BuildName, cancellationToken).ConfigureAwait(false);
        _progress.Report(
            $"{_label} target app image built from target-app/Dockerfile ({inspected.ID[..19]}, {DescribeArguments()}) in {_time.GetElapsedTime(started).TotalSeconds:0.0} s");
        return inspected.ID;
    }

    private string DescribeArguments() =>
        _buildArguments.Count == 0
            ? "the Dockerfile's default base images"
            : $"{EnvironmentVariables.TargetBuildArgs} {string.Join(",", _buildArguments.Select(argument => $"{argument.Key}={argument.Value}"))}";
}
