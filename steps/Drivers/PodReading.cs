using k8s.Models;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Reads what a scenario asserts from a <see cref="V1Pod"/>: its container's status and its conditions.</summary>
public static class PodReading
{
    /// <summary>The status of container <paramref name="container"/> (an app container, or an init container or sidecar), or null before the kubelet reported it.</summary>
    public static V1ContainerStatus? ContainerStatus(this V1Pod pod, string container) =>
        pod.Status?.ContainerStatuses?.FirstOrDefault(s => s.Name == container)
        ?? pod.Status?.InitContainerStatuses?.FirstOrDefault(s => s.Name == container);

    /// <summary>The pod condition of <paramref name="type"/> (Ready, ContainersReady, Initialized, …), or null.</summary>
    public static V1PodCondition? Condition(this V1Pod pod, string type) =>
        pod.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>True when the pod's Ready condition is True.</summary>
    public static bool IsReady(this V1Pod pod) => pod.Condition("Ready")?.Status == "True";

    /// <summary>The container's restart count (0 before the kubelet reported it).</summary>
    public static int RestartCount(this V1Pod pod, string container) => pod.ContainerStatus(container)?.RestartCount ?? 0;

    /// <summary>
    /// True when the container has ended although nobody deleted the pod: a kill, a crash or an exit the kubelet restarts.
    /// A pod being deleted ends its container as the deletion asks and the kubelet never restarts it.
    /// </summary>
    public static bool EndedOutsideDeletion(this V1Pod pod, string container) =>
        pod.ContainerStatus(container)?.State?.Terminated is not null && pod.Metadata?.DeletionTimestamp is null;

    /// <summary>One line describing the container and the pod's readiness, for progress lines and failure messages.</summary>
    public static string Describe(this V1Pod pod, string container)
    {
        var status = pod.ContainerStatus(container);
        var ready = pod.Condition("Ready");
        var readyText = ready is null ? "Ready=?" : $"Ready={ready.Status}{(ready.Reason is { } r ? $" ({r})" : "")}";
        var deleting = pod.Metadata?.DeletionTimestamp is not null ? ", terminating" : "";
        if (status is null)
        {
            return $"phase {pod.Status?.Phase ?? "?"}, no container status yet, {readyText}{deleting}";
        }

        var last = status.LastState?.Terminated is { } t ? $", last terminated {t.Reason} ({t.ExitCode})" : "";
        return $"restartCount={status.RestartCount}, {DescribeState(status.State)}, started={status.Started?.ToString() ?? "?"}, ready={status.Ready}{last}, {readyText}{deleting}";
    }

    /// <summary>The container state in words, e.g. <c>running since 10:00:03</c> or <c>waiting (CrashLoopBackOff)</c>.</summary>
    public static string DescribeState(V1ContainerState? state) => state switch
    {
        { Running: { } r } => $"running since {ClusterTime.ToInstant(r.StartedAt):HH:mm:ss}",
        { Terminated: { } t } => $"terminated {t.Reason} ({t.ExitCode})",
        { Waiting: { } w } => $"waiting ({w.Reason})",
        _ => "no state",
    };
}
