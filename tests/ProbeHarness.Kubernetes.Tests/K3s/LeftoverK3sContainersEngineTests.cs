using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.K3s;
using ProbeHarness.Kubernetes.Namespaces;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.K3s;

/// <summary>The removal against a real engine: needs a Docker engine with the K3s image; skipped, with the reason, where there is none.</summary>
public sealed class LeftoverK3sContainersEngineTests
{
    [Fact]
    public async Task A_killed_runs_container_and_its_volumes_are_removed_and_a_live_runs_is_kept()
    {
        // Given a created (not started) K3s container labelled by a process that has exited, and one labelled by this live process
        var cancellationToken = TestContext.Current.CancellationToken;
        var options = BackendOptions.FromProcessEnvironment();
        var availability = await K3sEngine.RequireAsync(options, cancellationToken);

        using var client = new DockerClientBuilder().WithEndpoint(new Uri(availability.DockerEndpoint)).Build();
        try
        {
            await client.Images.InspectImageAsync(options.K3sImage, cancellationToken);
        }
        catch (DockerImageNotFoundException)
        {
            Assert.Skip($"Needs {options.K3sImage} present in the engine at {availability.DockerEndpoint} (it is only pullable).");
        }

        var host = RunIdentity.LabelValue($"leftover-test-{Guid.NewGuid():N}");
        var gone = ExitedProcessId();
        var dead = await CreateAsync(client, options.K3sImage, host, gone, cancellationToken);
        var live = await CreateAsync(client, options.K3sImage, host, Environment.ProcessId, cancellationToken);
        try
        {
            // When the leftovers of this host are removed
            var lines = await LeftoverK3sContainers.RemoveAsync(client, host, cancellationToken);

            // Then the dead process's container is gone with its anonymous volumes, and said so; the live one stays
            var line = Assert.Single(lines);
            Assert.Contains($"removed K3s container {dead.Id[..12]}", line);
            Assert.Contains($"pid {gone} is gone", line);
            await Assert.ThrowsAsync<DockerContainerNotFoundException>(() => client.Containers.InspectContainerAsync(dead.Id, cancellationToken));
            var volumes = await client.Volumes.ListAsync(cancellationToken);
            Assert.DoesNotContain(volumes.Volumes ?? [], v => dead.Volumes.Contains(v.Name));
            Assert.Equal(live.Id, (await client.Containers.InspectContainerAsync(live.Id, cancellationToken)).ID);
        }
        finally
        {
            foreach (var id in new[] { dead.Id, live.Id })
            {
                try
                {
                    await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None);
                }
                catch (DockerContainerNotFoundException)
                {
                }
            }
        }
    }

    private static int ExitedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    private static async Task<(string Id, IReadOnlyList<string> Volumes)> CreateAsync(IDockerClient client, string image, string host, int pid, CancellationToken cancellationToken)
    {
        var created = await client.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Image = image,
                Labels = new Dictionary<string, string>
                {
                    [K3sClusterSettings.RoleLabel] = K3sClusterSettings.K3sRole,
                    [RunIdentity.HostLabel] = host,
                    [RunIdentity.ProcessLabel] = pid.ToString(CultureInfo.InvariantCulture),
                    [RunIdentity.RunLabel] = "leftover",
                },
            },
            cancellationToken);
        var inspected = await client.Containers.InspectContainerAsync(created.ID, cancellationToken);
        return (created.ID, [.. (inspected.Mounts ?? []).Where(m => m.Type == "volume").Select(m => m.Name ?? "")]);
    }
}
