using k8s.Models;

namespace ProbeHarness.Steps.Drivers;

/// <summary>The container IDs whose logs the API serves as current and previous, read from a pod status as the kubelet picks them.</summary>
/// <param name="Current">The running (or just terminated) instance; while the next one waits in back-off, the last terminated one.</param>
/// <param name="Previous">The last terminated instance (<c>lastState.terminated</c>), or null when none has ended.</param>
public sealed record LoggedContainerIds(string? Current, string? Previous)
{
    /// <summary>Nothing known (no pod, or no status yet).</summary>
    public static LoggedContainerIds Unknown { get; } = new(null, null);

    /// <summary>True when both logs are the same instance (the container waits in back-off): the API then serves one log twice.</summary>
    public bool Same => Current is not null && Current == Previous;

    /// <summary>The IDs for <paramref name="container"/> of <paramref name="pod"/>, following kubelet <c>validateContainerLogStatus</c>.</summary>
    public static LoggedContainerIds Of(V1Pod? pod, string container)
    {
        if (pod?.ContainerStatus(container) is not { } status)
        {
            return Unknown;
        }

        var previous = NonEmpty(status.LastState?.Terminated?.ContainerID);
        var current = status.State switch
        {
            { Running: not null } => NonEmpty(status.ContainerID),
            { Terminated: { } terminated } => NonEmpty(terminated.ContainerID) ?? previous,
            _ => previous,
        };
        return new LoggedContainerIds(current, previous);
    }

    private static string? NonEmpty(string? id) => string.IsNullOrEmpty(id) ? null : id;
}
