using ProbeHarness.Kubelet.Timing;

namespace ProbeHarness.Steps.Drivers;

/// <summary>A fault the scenario injected into one pod: when it became active there, and the pod's restart count just before.</summary>
/// <param name="Request">The fault.</param>
/// <param name="Active">When the fault became (or becomes, when scheduled) active: between sending the call and its answer (the app applies it just before answering), plus any delay asked for.</param>
/// <param name="Pod">The pod's name.</param>
/// <param name="RestartCount">The pod's restart count when the fault was sent, so a later restart can be told apart.</param>
/// <param name="ContainerId">The container that ran when the fault was sent (empty when none was reported yet).</param>
public sealed record InjectedFault(FaultRequest Request, MeasuredInstant Active, string Pod, int RestartCount, string ContainerId)
{
    /// <summary>The container the fault went into; null for the target app's own (the scenario named none).</summary>
    public string? Container { get; init; }

    /// <summary>The faulted container's <c>startedAt</c> (whole seconds, what the kubelet counts the initial delay from); null when it was not running.</summary>
    public DateTimeOffset? ContainerStartedAt { get; init; }

    /// <summary>The latest the fault can have become active: what "after the fault" is counted from when watching for reactions.</summary>
    public DateTimeOffset ActiveAt => Active.Latest;
}
