using Docker.DotNet;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;

namespace ProbeHarness.Kubernetes.Images;

/// <summary>
/// Loads a user's locally built images from the Docker engine into K3s's containerd, as the target app's image is (save by name,
/// copy, <c>ctr images import</c>), once per run: those named by <c>HARNESS_LOAD_IMAGES</c>, and a workload's images the engine has.
/// </summary>
public sealed class LocalImageLoader : IDisposable
{
    private readonly DockerClient _docker;
    private readonly IContainerShell _container;
    private readonly IProgress<string> _progress;
    private readonly string _label;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _settled = new(StringComparer.Ordinal);

    /// <summary>Creates the loader for the running K3s container <paramref name="container"/> on <paramref name="docker"/>, which it owns (workloads are applied long after the start).</summary>
    public LocalImageLoader(DockerClient docker, IContainerShell container, IProgress<string> progress, string label, TimeProvider time)
    {
        _docker = docker;
        _container = container;
        _progress = progress;
        _label = label;
        _time = time;
    }

    /// <summary>Loads each of <paramref name="references"/>; with <paramref name="required"/>, one the engine lacks is an error, else it is left for the cluster to pull.</summary>
    /// <exception cref="ClusterUnavailableException">A required image is not in the engine, or a save or import failed; the message names the image and the fix.</exception>
    public async Task LoadAsync(IEnumerable<string> references, bool required, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var reference in references.Distinct(StringComparer.Ordinal).Where(r => !_settled.Contains(r)))
            {
                await LoadOneAsync(reference, required, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the Docker client.</summary>
    public void Dispose()
    {
        _docker.Dispose();
        _gate.Dispose();
    }

    private async Task LoadOneAsync(string reference, bool required, CancellationToken cancellationToken)
    {
        string imageId;
        try
        {
            imageId = (await _docker.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false)).ID;
        }
        catch (DockerImageNotFoundException) when (!required)
        {
            _progress.Report($"{_label} image {reference} is not in the Docker engine; the cluster will pull it (load a local build with {EnvironmentVariables.LoadImages})");
            _settled.Add(reference);
            return;
        }
        catch (DockerImageNotFoundException exception)
        {
            throw new ClusterUnavailableException(
                $"{EnvironmentVariables.LoadImages} names {reference}, which the Docker engine K3s runs on does not have; build it there first (docker build -t {reference} …).",
                exception);
        }

        var plan = ImageLoadPlan.ForLocalImage(reference, imageId, ImageArchiveCache.Directory);
        var started = _time.GetTimestamp();
        var saved = await ImageArchiveCache.EnsureSavedAsync(_docker, plan, cancellationToken).ConfigureAwait(false);
        var imported = await ContainerdImport.ImportAsync(_container, plan, cancellationToken).ConfigureAwait(false);
        _progress.Report(
            $"{_label} {reference} ({imageId[..19]}) {(saved ? "saved" : "archive reused")}, {(imported ? "imported into K3s's containerd" : "already in K3s's containerd")} in {_time.GetElapsedTime(started).TotalSeconds:0.0} s");
        _settled.Add(reference);
    }
}
