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
        var all = await client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{K3sClusterSettings.RoleLabel}={K3sClusterSettings.K3sRole}"] = true } },
            },
            cancellationToken).ConfigureAwait(false);
        var removed = new List<string>();
        foreach (var container in Select(all, host, LocalProcess.IsRunning))
        {
            try
            {
                await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken)
                    .ConfigureAwait(false);
                removed.Add($"removed K3s container {container.ID[..12]} ({container.Image}, run {Label(container, RunIdentity.RunLabel)}) and its volumes, " +
                    $"left by a killed earlier run (pid {Label(container, RunIdentity.ProcessLabel)} is gone)");
            }
            catch (DockerContainerNotFoundException)
            {
                // Another run removed it first.
            }
        }

        return removed;
    }

    private static string? Label(ContainerListResponse container, string key) =>
        container.Labels is { } labels && labels.TryGetValue(key, out var value) ? value : null;
}
