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

    /// <summary>How far the instant may be from the truth by the harness's own account, in seconds (half its interval: 0.5 for a whole-second API time stamp), when known.</summary>
    public double? PrecisionSeconds { get; init; }

    /// <summary>True when the harness states the instant to within <paramref name="maxErrorSeconds"/>: it is held to that error; a coarser one only to its own precision. Unknown precision counts as precise.</summary>
    public bool ClaimsWithin(double maxErrorSeconds) => PrecisionSeconds is not { } precision || precision <= maxErrorSeconds;

    /// <summary>The harness's name of the measure, e.g. <c>pod 1 fault→kill</c>, when it has one.</summary>
    public string? Measure { get; init; }
}
