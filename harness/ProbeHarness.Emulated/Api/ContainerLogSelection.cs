using k8s.Models;
using ProbeHarness.Cluster;

namespace ProbeHarness.Emulated.Api;

/// <summary>Which container instance's log the API serves, picked from the kubelet's status as kubelet <c>validateContainerLogStatus</c> does.</summary>
/// <remarks>
/// Previous is the last terminated instance (lastState.terminated), not "the one before the latest": while a container
/// waits in back-off, current and previous both name the instance that just ended. Errors carry the real API's 400 texts.
/// </remarks>
internal static class ContainerLogSelection
{
    /// <summary>The container ID whose log a read of <paramref name="containerName"/> (current or <paramref name="previous"/>) gets.</summary>
    /// <exception cref="NoPreviousContainerException">A previous log is asked for and no instance has terminated before.</exception>
    /// <exception cref="InvalidOperationException">The container has no instance with a log yet (waiting to start) or is unknown.</exception>
    public static string ContainerIdFor(V1Pod pod, string containerName, bool previous)
    {
        var podName = pod.Metadata.Name;
        var status = (pod.Status?.ContainerStatuses ?? []).Concat(pod.Status?.InitContainerStatuses ?? []).FirstOrDefault(s => s.Name == containerName)
            ?? throw new InvalidOperationException($"container \"{containerName}\" in pod \"{podName}\" is not available");
        var lastTerminated = status.LastState?.Terminated;
        var state = status.State;
        if (previous)
        {
            return NonEmpty(lastTerminated?.ContainerID)
                ?? throw new NoPreviousContainerException($"previous terminated container \"{containerName}\" in pod \"{podName}\" not found");
        }

        if (state?.Running is not null && NonEmpty(status.ContainerID) is { } running)
        {
            return running;
        }

        if (state?.Terminated is { } terminated)
        {
            // When the next instance did not start, the terminated state has no ID: the last terminated one's log is served.
            return NonEmpty(terminated.ContainerID) ?? NonEmpty(lastTerminated?.ContainerID) ?? throw Terminated(containerName, podName);
        }

        if (lastTerminated is not null)
        {
            return NonEmpty(lastTerminated.ContainerID) ?? throw Terminated(containerName, podName);
        }

        throw state?.Waiting is { } waiting
            ? new InvalidOperationException($"container \"{containerName}\" in pod \"{podName}\" is waiting to start: {waiting.Reason}")
            : new InvalidOperationException($"container \"{containerName}\" in pod \"{podName}\" is waiting to start - no logs yet");
    }

    private static InvalidOperationException Terminated(string containerName, string podName) =>
        new($"container \"{containerName}\" in pod \"{podName}\" is terminated");

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
