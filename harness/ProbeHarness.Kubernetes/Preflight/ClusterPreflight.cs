using k8s;
using k8s.Models;
using ProbeHarness.Kubernetes.Namespaces;

namespace ProbeHarness.Kubernetes.Preflight;

/// <summary>Checks before the first scenario: a node is Ready and CoreDNS is Ready.</summary>
public static class ClusterPreflight
{
    /// <summary>The label CoreDNS pods carry on K3s, kind and kubeadm clusters.</summary>
    public const string CoreDnsSelector = "k8s-app=kube-dns";

    /// <summary>True when the node's Ready condition is True.</summary>
    public static bool IsReady(V1Node node) =>
        node.Status?.Conditions?.Any(condition => condition.Type == "Ready" && condition.Status == "True") == true;

    /// <summary>True when the pod's Ready condition is True.</summary>
    public static bool IsReady(V1Pod pod) =>
        pod.Status?.Conditions?.Any(condition => condition.Type == "Ready" && condition.Status == "True") == true;

    /// <summary>Waits until some node is Ready and returns it.</summary>
    /// <exception cref="TimeoutException">No node became Ready in time; the message lists the nodes' conditions.</exception>
    public static async Task<V1Node> WaitForReadyNodeAsync(KubernetesConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var nodes = await connection.Api.WaitUntilAsync(
            "a Ready node",
            token => connection.Client.CoreV1.ListNodeAsync(cancellationToken: token),
            list => list.Items.Any(IsReady),
            list => list is null || list.Items.Count == 0
                ? "no nodes registered"
                : string.Join(", ", list.Items.Select(node => $"{node.Metadata.Name} Ready={ReadyStatus(node.Status?.Conditions)}")),
            timeout,
            TimeSpan.FromSeconds(1),
            cancellationToken).ConfigureAwait(false);
        return nodes.Items.First(IsReady);
    }

    /// <summary>Waits until a CoreDNS pod in kube-system is Ready and returns it.</summary>
    /// <exception cref="TimeoutException">CoreDNS did not become Ready in time; the message lists the pods' phases.</exception>
    public static async Task<V1Pod> WaitForCoreDnsAsync(KubernetesConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pods = await connection.Api.WaitUntilAsync(
            "CoreDNS Ready",
            token => connection.Client.CoreV1.ListNamespacedPodAsync("kube-system", labelSelector: CoreDnsSelector, cancellationToken: token),
            list => list.Items.Any(IsReady),
            list => list is null || list.Items.Count == 0
                ? $"no pods with {CoreDnsSelector} in kube-system"
                : string.Join(", ", list.Items.Select(pod => $"{pod.Metadata.Name} {pod.Status?.Phase} Ready={ReadyStatus(pod.Status?.Conditions)}")),
            timeout,
            TimeSpan.FromSeconds(1),
            cancellationToken).ConfigureAwait(false);
        return pods.Items.First(IsReady);
    }

    private static string ReadyStatus(IEnumerable<V1NodeCondition>? conditions) =>
        conditions?.FirstOrDefault(condition => condition.Type == "Ready")?.Status ?? "unknown";

    private static string ReadyStatus(IEnumerable<V1PodCondition>? conditions) =>
        conditions?.FirstOrDefault(condition => condition.Type == "Ready")?.Status ?? "unknown";
}
