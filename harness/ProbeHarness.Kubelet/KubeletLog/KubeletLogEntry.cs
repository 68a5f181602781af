using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>One kubelet log line the timing check reads.</summary>
/// <param name="Line">The 1-based line number in the log.</param>
/// <param name="At">The line's klog time stamp (microseconds), resolved to an instant with <see cref="KubeletLogClock"/>.</param>
/// <param name="Kind">What it says happened.</param>
/// <param name="Namespace">The pod's namespace.</param>
/// <param name="Pod">The pod's name.</param>
public sealed record KubeletLogEntry(int Line, DateTimeOffset At, KubeletEventKind Kind, string Namespace, string Pod)
{
    /// <summary>The pod's UID, when the line names it.</summary>
    public string? PodUid { get; init; }

    /// <summary>The container's name, when the line (or an earlier line about the same container ID) names it.</summary>
    public string? Container { get; init; }

    /// <summary>The container's runtime ID, e.g. <c>containerd://0123…</c>, when the line names it (kills).</summary>
    public string? ContainerId { get; init; }

    /// <summary>The probe's type, for <see cref="KubeletEventKind.ProbeFailed"/>.</summary>
    public ProbeType? ProbeType { get; init; }

    /// <summary>The new value of the pod's Ready condition, for <see cref="KubeletEventKind.ReadyChanged"/>.</summary>
    public bool? Ready { get; init; }

    /// <summary>
    /// For <see cref="KubeletEventKind.ReadyChanged"/>: the condition's <c>lastTransitionTime</c> in the patch (whole seconds), when the
    /// kubelet decided; the line itself is when the API server took the patch, which the kubelet's API rate limit can delay.
    /// </summary>
    public DateTimeOffset? LastTransitionTime { get; init; }

    /// <summary>The earliest the line's event can have happened: its own time, or for a Ready patch the start of its transition's second.</summary>
    public DateTimeOffset Earliest => LastTransitionTime is { } decided && decided <= At ? decided : At;

    /// <summary>The latest the line's event can have happened: its own time, or for a Ready patch within its transition's second and no later than the patch.</summary>
    public DateTimeOffset Latest => LastTransitionTime is { } decided && decided <= At && decided.AddSeconds(1) < At ? decided.AddSeconds(1) : At;
}
