using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using ProbeHarness.Cluster;
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

    /// <summary>Creates the loader.</summary>
    /// <param name="docker">The Docker engine K3s runs on.</param>
    /// <param name="progress">Receives a line per step with its duration.</param>
    /// <param name="label">The backend label each line starts with.</param>
    /// <param name="time">The clock for durations.</param>
    public TargetImageLoader(DockerClient docker, IProgress<string> progress, string label, TimeProvider time)
    {
        _docker = docker;
        _progress = progress;
        _label = label;
        _time = time;
    }

    /// <summary>Where saved archives are kept between runs.</summary>
    public static string CacheDirectory => Path.Combine(Path.GetTempPath(), "probe-harness", "images");

    /// <summary>Builds, saves, copies and imports; returns the plan whose <see cref="ImageLoadPlan.Reference"/> pods run.</summary>
    /// <param name="container">The running K3s container.</param>
    /// <param name="repositoryRoot">The build context: the repository root.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ClusterUnavailableException">The Dockerfile is missing, or a step failed; the message names the step.</exception>
    public async Task<ImageLoadPlan> BuildAndLoadAsync(IContainer container, string repositoryRoot, CancellationToken cancellationToken)
    {
        var imageId = await BuildAsync(repositoryRoot, cancellationToken).ConfigureAwait(false);
        var plan = ImageLoadPlan.For(imageId, CacheDirectory);
        await _docker.Images.TagImageAsync(ImageLoadPlan.BuildName, new ImageTagParameters { RepositoryName = TargetAppImage.Repository, Tag = plan.Tag }, cancellationToken)
            .ConfigureAwait(false);
        await SaveAsync(plan, cancellationToken).ConfigureAwait(false);

        var listed = await container.ExecAsync(plan.ListCommand, cancellationToken).ConfigureAwait(false);
        if (listed.ExitCode == 0 && plan.IsListedIn(listed.Stdout))
        {
            _progress.Report($"{_label} {plan.Reference} is already in K3s's containerd; import skipped");
            return plan;
        }

        var started = _time.GetTimestamp();
        await container.CopyAsync(new FileInfo(plan.HostTarPath), ImageLoadPlan.ContainerDirectory, ct: cancellationToken).ConfigureAwait(false);
        var imported = await container.ExecAsync(plan.ImportCommand, cancellationToken).ConfigureAwait(false);
        await container.ExecAsync(plan.CleanupCommand, cancellationToken).ConfigureAwait(false);
        if (imported.ExitCode != 0)
        {
            throw new ClusterUnavailableException(
                $"'{string.Join(' ', plan.ImportCommand)}' failed in the K3s container (exit {imported.ExitCode}): {imported.Stderr.Trim()}");
        }

        var check = await container.ExecAsync(plan.ListCommand, cancellationToken).ConfigureAwait(false);
        if (!plan.IsListedIn(check.Stdout))
        {
            throw new ClusterUnavailableException(
                $"After the import K3s's containerd does not list {plan.ContainerdName}; ctr printed: {imported.Stdout.Trim()} {imported.Stderr.Trim()}");
        }

        _progress.Report($"{_label} {plan.Reference} imported into K3s's containerd in {_time.GetElapsedTime(started).TotalSeconds:0.0} s");
        return plan;
    }

    private async Task<string> BuildAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var dockerfile = Path.Combine(repositoryRoot, "target-app", "Dockerfile");
        if (!File.Exists(dockerfile))
        {
            throw new ClusterUnavailableException($"The target app's Dockerfile is missing: {dockerfile}.");
        }

        var started = _time.GetTimestamp();
        var image = new ImageFromDockerfileBuilder()
            .WithContextDirectory(repositoryRoot)
            .WithDockerfileDirectory(repositoryRoot)
            .WithDockerfile("target-app/Dockerfile")
            .WithName(ImageLoadPlan.BuildName)
            .WithDeleteIfExists(false)
            .WithCleanUp(false)
            // Testcontainers labels images with its session; the label would change the image id every run and defeat the cache.
            .WithCreateParameterModifier(parameters =>
            {
                parameters.Labels?.Remove(SessionLabel);
                parameters.Labels?.Remove(ReaperLabel);
            })
            .Build();
        try
        {
            await image.CreateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClusterUnavailableException($"Building {dockerfile} (context {repositoryRoot}) failed: {exception.Message}", exception);
        }

        var inspected = await _docker.Images.InspectImageAsync(ImageLoadPlan.BuildName, cancellationToken).ConfigureAwait(false);
        _progress.Report($"{_label} target app image built from target-app/Dockerfile ({inspected.ID[..19]}) in {_time.GetElapsedTime(started).TotalSeconds:0.0} s");
        return inspected.ID;
    }

    private async Task SaveAsync(ImageLoadPlan plan, CancellationToken cancellationToken)
    {
        if (File.Exists(plan.HostTarPath))
        {
            _progress.Report($"{_label} image unchanged ({plan.Tag}): reusing {plan.HostTarPath}");
            DockerArchive.EnsureNamed(plan.HostTarPath, plan.Reference);
            return;
        }

        var started = _time.GetTimestamp();
        Directory.CreateDirectory(Path.GetDirectoryName(plan.HostTarPath)!);
        var partial = plan.HostTarPath + ".partial";
        // Saved by reference, not by id: only then does the archive carry the name ctr imports it under.
        await using (var source = await _docker.Images.SaveImageAsync(plan.Reference, cancellationToken).ConfigureAwait(false))
        await using (var target = File.Create(partial))
        {
            await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
        }

        DockerArchive.EnsureNamed(partial, plan.Reference);
        File.Move(partial, plan.HostTarPath, overwrite: true);
        var megabytes = new FileInfo(plan.HostTarPath).Length / 1024.0 / 1024.0;
        _progress.Report($"{_label} saved {plan.Reference} ({megabytes:0} MB) in {_time.GetElapsedTime(started).TotalSeconds:0.0} s");
    }
}
