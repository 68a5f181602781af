namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>One instant the harness measured, to be checked against the kubelet's own log line for the same pod.</summary>
/// <param name="Scenario">The scenario that measured it (for the table).</param>
/// <param name="Namespace">The pod's namespace.</param>
/// <param name="Pod">The pod's name as deployed.</param>
/// <param name="Kind">Which kubelet line it corresponds to: the first failed probe, the kill, or the Ready change.</param>
/// <param name="At">The absolute instant the harness recorded.</param>
public sealed record HarnessInstant(string Scenario, string Namespace, string Pod, KubeletEventKind Kind, DateTimeOffset At)
{
    /// <summary>For <see cref="KubeletEventKind.ReadyChanged"/>: the Ready value the harness saw it change to (null: either).</summary>
    public bool? Ready { get; init; }

    /// <summary>How precise the harness's instant is, in seconds (e.g. 1 for a whole-second API time stamp), when known.</summary>
    public double? PrecisionSeconds { get; init; }

    /// <summary>The harness's name of the measure, e.g. <c>pod 1 fault→kill</c>, when it has one.</summary>
    public string? Measure { get; init; }
}
