using Docker.DotNet.Models;
using ProbeHarness.Kubernetes.K3s;
using ProbeHarness.Kubernetes.Namespaces;

namespace ProbeHarness.Kubernetes.Tests.K3s;

public sealed class LeftoverK3sContainersTests
{
    private const string Host = "build-7";

    private static ContainerListResponse Container(string id, params (string Key, string Value)[] labels) =>
        new() { ID = id.PadRight(64, '0'), Image = "probe-harness/k3s-compat:v1.20.2", Labels = labels.ToDictionary(l => l.Key, l => l.Value) };

    private static (string, string)[] Ours(string pid, string host = Host) =>
        [(K3sClusterSettings.RoleLabel, K3sClusterSettings.K3sRole), (RunIdentity.HostLabel, host), (RunIdentity.ProcessLabel, pid), (RunIdentity.RunLabel, "abcd1234")];

    [Fact]
    public void Only_this_hosts_k3s_containers_of_gone_processes_are_leftovers()
    {
        // Given containers of a killed run, a live run, another host, a kept run, an unlabelled run and someone else's
        var containers = new[]
        {
            Container("dead", Ours("101")),
            Container("alive", Ours("202")),
            Container("elsewhere", Ours("101", "build-8")),
            Container("kept", [.. Ours("101"), (LeftoverK3sContainers.KeepLabel, "true")]),
            Container("nopid", (K3sClusterSettings.RoleLabel, K3sClusterSettings.K3sRole), (RunIdentity.HostLabel, Host)),
            Container("foreign", ("com.example/app", "web")),
        };

        // When the leftovers are selected with only pid 202 running
        var leftovers = LeftoverK3sContainers.Select(containers, Host, pid => pid == 202);

        // Then only the killed run's container is one
        Assert.Equal(["dead"], leftovers.Select(c => c.ID.TrimEnd('0')));
    }
}
