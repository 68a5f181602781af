using ProbeHarness.Kubelet.Timing;

namespace ProbeHarness.Steps.Drivers;

/// <summary>One run of a container (one container ID), as the pod statuses reported it.</summary>
/// <param name="ContainerId">The runtime's container ID (empty when not reported).</param>
/// <param name="StartedAt">When it started running (server time, whole seconds).</param>
/// <param name="FinishedAt">When it ended, or null while it runs.</param>
/// <param name="ExitCode">Its exit code, or null while it runs.</param>
/// <param name="Reason">The runtime's termination reason (<c>Error</c>, <c>Completed</c>, …), or null while it runs.</param>
/// <param name="EndPublishedAs">Where the kubelet published its end.</param>
public sealed record ContainerInstance(
    string ContainerId,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int? ExitCode,
    string? Reason,
    TerminationPublication EndPublishedAs = TerminationPublication.None)
{
    /// <summary>When it started, as the interval the whole-second server timestamp allows.</summary>
    public MeasuredInstant Started => ClusterTime.Measured(StartedAt);

    /// <summary>When it ended, as the interval the whole-second server timestamp allows; null while it runs.</summary>
    public MeasuredInstant? Finished => FinishedAt is { } at ? ClusterTime.Measured(at) : null;
}
