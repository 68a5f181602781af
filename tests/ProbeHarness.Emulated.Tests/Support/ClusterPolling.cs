using System.Diagnostics;
using k8s.Models;
using ProbeHarness.Cluster;

namespace ProbeHarness.Emulated.Tests.Support;

/// <summary>Waits for pod states through the namespace's list API (as a cluster client would).</summary>
internal static class ClusterPolling
{
    /// <summary>Polls every 50 ms until <paramref name="condition"/> holds for the pod list; fails the test with the last state after <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlyList<V1Pod>> UntilAsync(
        IScenarioNamespace scenario, Func<IReadOnlyList<V1Pod>, bool> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<V1Pod> pods = [];
        while (watch.Elapsed < timeout)
        {
            pods = await scenario.ListPodsAsync(TestContext.Current.CancellationToken);
            if (condition(pods))
            {
                return pods;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"{what} did not happen within {timeout.TotalSeconds} s; pods: "
            + string.Join("; ", pods.Select(Describe)));
        return pods;
    }

    /// <summary>Whether the pod's Ready condition is True.</summary>
    public static bool IsReady(V1Pod pod) => pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    /// <summary>The pod's first container's restart count.</summary>
    public static int Restarts(V1Pod pod) => pod.Status?.ContainerStatuses?.FirstOrDefault()?.RestartCount ?? 0;

    /// <summary>One line about a pod for failure messages.</summary>
    public static string Describe(V1Pod pod) =>
        $"{pod.Metadata.Name} phase={pod.Status?.Phase} ready={IsReady(pod)} restarts={Restarts(pod)} "
        + $"state={k8s.KubernetesJson.Serialize(pod.Status?.ContainerStatuses?.FirstOrDefault()?.State)}";
}
