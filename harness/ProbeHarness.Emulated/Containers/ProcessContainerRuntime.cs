using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using k8s.Models;
using ProbeHarness.Emulated.Images;
using ProbeHarness.Emulated.Processes;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Containers;

/// <summary>The emulated container runtime: every container instance is a local process group with a private pod directory.</summary>
/// <remarks>
/// Layout under the pods directory: <c>&lt;ns&gt;_&lt;pod&gt;_&lt;uid&gt;/volumes/&lt;volume&gt;</c> (emptyDir: survives restarts) and
/// <c>containers/&lt;container&gt;/&lt;n&gt;/</c> (the instance's <c>/tmp</c> and home, fresh for every instance) with <c>&lt;n&gt;.log</c> beside it.
/// </remarks>
public sealed class ProcessContainerRuntime : IContainerRuntime, IAsyncDisposable
{
    private readonly EmulatedImageMap _images;
    private readonly string _podsDirectory;
    private readonly ProcessGroupLedger _ledger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Pod, string Container), List<IContainerInstance>> _instances = new();
    private readonly ConcurrentDictionary<string, bool> _keptPods = new(StringComparer.Ordinal);

    internal ProcessContainerRuntime(EmulatedImageMap images, string podsDirectory, ProcessGroupLedger ledger, TimeProvider time)
    {
        _images = images;
        _podsDirectory = podsDirectory;
        _ledger = ledger;
        _time = time;
        Directory.CreateDirectory(podsDirectory);
    }

    /// <summary>The image map containers are started from.</summary>
    public EmulatedImageMap Images => _images;

    /// <inheritdoc />
    public Task<IContainerInstance> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        cancellationToken.ThrowIfCancellationRequested();
        var pod = launch.Pod;
        var container = launch.Container;
        var history = _instances.GetOrAdd((PodKey(pod), container.Name), _ => []);
        int sequence;
        lock (history)
        {
            sequence = history.Count;
        }

        var containerId = "emulated://" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var containerDirectory = Path.Combine(PodDirectory(pod), "containers", container.Name);
        var instanceDirectory = Path.Combine(containerDirectory, sequence.ToString(CultureInfo.InvariantCulture));
        var logFile = instanceDirectory + ".log";
        Directory.CreateDirectory(instanceDirectory);
        File.WriteAllText(logFile, "");

        IContainerInstance instance;
        if (_ledger.IsSealed)
        {
            return Task.FromResult<IContainerInstance>(StartError(containerId, logFile, "the emulated run is shutting down: nothing starts any more"));
        }

        if (_keptPods.ContainsKey(PodKey(pod)))
        {
            // A kept pod's kubelet may still react to an exit: it must not start anything the run would then leave behind.
            return Task.FromResult<IContainerInstance>(StartError(containerId, logFile, "the pod was kept for inspection: the emulated runtime starts nothing more in it"));
        }

        try
        {
            var context = CreateContext(launch, instanceDirectory, logFile, sequence);
            var (argv, error) = context.ToHostArgv(ContainerCommandLine.For(container, _images.Resolve(container.Image), context.Environment.Lookup));
            instance = argv is null
                ? StartError(containerId, logFile, $"failed to create containerd task: OCI runtime create failed: unable to start container process: {error}: unknown")
                : ProcessContainerInstance.Start(containerId, argv, context, _ledger, _time);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FileNotFoundException)
        {
            instance = StartError(containerId, logFile, e.Message);
        }

        lock (history)
        {
            history.Add(instance);
        }

        return Task.FromResult(instance);
    }

    /// <summary>The private host directory of <paramref name="pod"/>.</summary>
    public string PodDirectory(V1Pod pod) => Path.Combine(_podsDirectory, PodKey(pod));

    /// <summary>A container's log: the current (latest) instance, or the one before it; throws <see cref="InvalidOperationException"/> when there is none.</summary>
    public string ReadLog(V1Pod pod, string containerName, bool previous)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var name = $"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}";
        if (!_instances.TryGetValue((PodKey(pod), containerName), out var history))
        {
            throw new InvalidOperationException($"container \"{containerName}\" in pod \"{name}\" has not started (emulated)");
        }

        int count;
        lock (history)
        {
            count = history.Count;
        }

        if (previous && count < 2)
        {
            throw new InvalidOperationException($"previous terminated container \"{containerName}\" in pod \"{name}\" not found (emulated)");
        }

        var sequence = previous ? count - 2 : count - 1;
        var logFile = Path.Combine(PodDirectory(pod), "containers", containerName, sequence.ToString(CultureInfo.InvariantCulture) + ".log");
        return File.ReadAllText(logFile);
    }

    /// <summary>The log of <paramref name="pod"/>'s instance <paramref name="containerId"/> of <paramref name="containerName"/>; throws <see cref="InvalidOperationException"/> when there is none.</summary>
    public string ReadLog(V1Pod pod, string containerName, string containerId)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var name = $"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}";
        var sequence = _instances.TryGetValue((PodKey(pod), containerName), out var history)
            ? Snapshot(history).FindIndex(instance => instance.ContainerId == containerId)
            : -1;
        if (sequence < 0)
        {
            throw new InvalidOperationException($"container {containerId} (\"{containerName}\" in pod \"{name}\") has no log (emulated)");
        }

        var logFile = Path.Combine(PodDirectory(pod), "containers", containerName, sequence.ToString(CultureInfo.InvariantCulture) + ".log");
        return File.ReadAllText(logFile);
    }

    /// <summary>Lets go of <paramref name="pod"/>'s running instances without stopping them (for <c>keep</c>), starts nothing more in it, and returns them.</summary>
    internal IReadOnlyList<ProcessContainerInstance> Keep(V1Pod pod)
    {
        var key = PodKey(pod);
        _keptPods[key] = true;
        var kept = new List<ProcessContainerInstance>();
        foreach (var entry in _instances.Where(entry => entry.Key.Pod == key).ToList())
        {
            if (_instances.TryRemove(entry.Key, out var history))
            {
                kept.AddRange(Snapshot(history).OfType<ProcessContainerInstance>().Where(instance => !instance.Exited.IsCompleted));
                foreach (var instance in kept)
                {
                    instance.Detach();
                }
            }
        }

        return kept;
    }

    /// <summary>Kills whatever of <paramref name="pod"/> still runs and deletes its directory.</summary>
    public async Task RemovePodAsync(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var key = PodKey(pod);
        foreach (var entry in _instances.Where(entry => entry.Key.Pod == key).ToList())
        {
            if (_instances.TryRemove(entry.Key, out var history))
            {
                foreach (var instance in Snapshot(history))
                {
                    await instance.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        TryDeleteDirectory(PodDirectory(pod));
    }

    /// <summary>Kills every instance still running.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var history in _instances.Values)
        {
            foreach (var instance in Snapshot(history))
            {
                await instance.DisposeAsync().ConfigureAwait(false);
            }
        }

        _instances.Clear();
    }

    private ContainerContext CreateContext(ContainerLaunch launch, string instanceDirectory, string logFile, int sequence)
    {
        var pod = launch.Pod;
        var container = launch.Container;
        var containerIndex = Math.Max(0, pod.Spec.Containers.ToList().FindIndex(c => c.Name == container.Name));
        var image = _images.Resolve(container.Image);
        var tmp = Directory.CreateDirectory(Path.Combine(instanceDirectory, "tmp")).FullName;
        var home = Directory.CreateDirectory(Path.Combine(instanceDirectory, "home")).FullName;
        // The image's own words are host paths already (the repository may itself live under /tmp).
        var imagePaths = image.Entrypoint.Concat(image.Cmd).Append(image.MulticallPath ?? "").Where(Path.IsPathRooted);
        var paths = new ContainerPathMap(Mounts(pod, container, containerIndex, tmp), imagePaths);
        var runtimeVariables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = ExecutableSearch.HostPath,
            ["HOME"] = home,
            ["TMPDIR"] = tmp,
            ["HOSTNAME"] = pod.Metadata.Name,
        };
        var environment = ContainerEnvironment.Build(pod, container, containerIndex, launch.PodIp, image, paths, runtimeVariables);
        var workingDirectory = container.WorkingDir is { Length: > 0 } dir && Directory.Exists(paths.MapPath(dir))
            ? paths.MapPath(dir)
            : instanceDirectory;
        var description = $"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}/{container.Name} #{sequence}";
        return new ContainerContext(description, environment, workingDirectory, paths, image.MulticallPath, instanceDirectory, logFile);
    }

    private List<KeyValuePair<string, string>> Mounts(V1Pod pod, V1Container container, int containerIndex, string tmp)
    {
        var mounts = new List<KeyValuePair<string, string>> { KeyValuePair.Create("/tmp", tmp) };
        var mountList = container.VolumeMounts ?? [];
        for (var i = 0; i < mountList.Count; i++)
        {
            var mount = mountList[i];
            if (pod.Spec.Volumes?.Any(volume => volume.Name == mount.Name) != true)
            {
                throw new InvalidOperationException(
                    $"spec.containers[{containerIndex}].volumeMounts[{i}].name: Not found: \"{mount.Name}\" (no such volume in spec.volumes)");
            }

            var hostPath = Path.Combine(PodDirectory(pod), "volumes", mount.Name);
            if (!string.IsNullOrEmpty(mount.SubPath))
            {
                hostPath = Path.Combine(hostPath, mount.SubPath);
            }

            Directory.CreateDirectory(hostPath);
            mounts.Add(KeyValuePair.Create(mount.MountPath, hostPath));
        }

        return mounts;
    }

    private StartErrorInstance StartError(string containerId, string logFile, string message)
    {
        File.WriteAllText(logFile, message + Environment.NewLine);
        return new StartErrorInstance(containerId, _time.GetUtcNow(), message);
    }

    private static string PodKey(V1Pod pod) =>
        $"{pod.Metadata.NamespaceProperty}_{pod.Metadata.Name}_{pod.Metadata.Uid}";

    private static List<IContainerInstance> Snapshot(List<IContainerInstance> history)
    {
        lock (history)
        {
            return [.. history];
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A process of the pod may still be writing: the run directory is swept when the run ends.
        }
    }
}
