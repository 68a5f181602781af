using Docker.DotNet;
using Docker.DotNet.Models;
using ProbeHarness.Kubernetes.Namespaces;

namespace ProbeHarness.Kubernetes.K3s;

/// <summary>
/// K3s containers that killed runs on this machine left behind (the reaper is off, or the test host was SIGKILLed before it
/// disposed them): labelled as the harness's, from this host, by a process that no longer runs, and not kept on purpose.
/// </summary>
public static class LeftoverK3sContainers
{
    /// <summary>The label marking a container that <c>HARNESS_KEEP_ON_FAILURE</c> may keep; later runs leave it alone.</summary>
    public const string KeepLabel = "probe-harness/keep-on-failure";

    /// <summary>The leftovers among <paramref name="containers"/>: the harness's K3s containers from <paramref name="host"/> whose process is gone.</summary>
    /// <param name="containers">The engine's containers, running or not.</param>
    /// <param name="host">This machine's label value (<see cref="RunIdentity.Host"/>).</param>
    /// <param name="isRunning">Whether a process id on this machine still runs.</param>
    public static IReadOnlyList<ContainerListResponse> Select(IEnumerable<ContainerListResponse> containers, string host, Func<int, bool> isRunning)
    {
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(isRunning);
        return [.. containers.Where(c =>
            Label(c, K3sClusterSettings.RoleLabel) == K3sClusterSettings.K3sRole
            && Label(c, RunIdentity.HostLabel) == host
            && Label(c, KeepLabel) is null
            && int.TryParse(Label(c, RunIdentity.ProcessLabel), out var pid)
            && pid > 0
            && !isRunning(pid))];
    }

    /// <summary>Removes the leftovers (with their volumes) and returns one line per container removed, for the run's progress.</summary>
    public static async Task<IReadOnlyList<string>> RemoveAsync(IDockerClient client, string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var all = await ListLabelledAsync(client, K3sClusterSettings.RoleLabel, K3sClusterSettings.K3sRole, cancellationToken).ConfigureAwait(false);
        var removed = new List<string>();
        foreach (var container in Select(all, host, LocalProcess.IsRunning))
        {
            if (await RemoveWithVolumesAsync(client, container.ID, cancellationToken).ConfigureAwait(false))
            {
                removed.Add($"removed K3s container {container.ID[..12]} ({container.Image}, run {Label(container, RunIdentity.RunLabel)}) and its volumes, " +
                    $"left by a killed earlier run (pid {Label(container, RunIdentity.ProcessLabel)} is gone)");
            }
        }

        return removed;
    }

    /// <summary>Force-removes the containers labelled <paramref name="label"/>=<paramref name="value"/> with their volumes.</summary>
    public static async Task RemoveLabelledAsync(IDockerClient client, string label, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        foreach (var container in await ListLabelledAsync(client, label, value, cancellationToken).ConfigureAwait(false))
        {
            await RemoveWithVolumesAsync(client, container.ID, cancellationToken).ConfigureAwait(false);
        }
    }

    // Every container, running or not, labelled label=value.
    private static Task<IList<ContainerListResponse>> ListLabelledAsync(IDockerClient client, string label, string value, CancellationToken cancellationToken) =>
        client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{label}={value}"] = true } },
            },
            cancellationToken);

    // False when it was gone already (another run, or Testcontainers' reaper, removed it first).
    private static async Task<bool> RemoveWithVolumesAsync(IDockerClient client, string id, CancellationToken cancellationToken)
    {
        try
        {
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    private static string? Label(ContainerListResponse container, string key) =>
        container.Labels is { } labels && labels.TryGetValue(key, out var value) ? value : null;
}
