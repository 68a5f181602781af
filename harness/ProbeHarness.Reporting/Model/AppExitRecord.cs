namespace ProbeHarness.Reporting.Model;

/// <summary>How a user's app container ended after its pod was deleted (SIGTERM).</summary>
/// <param name="Pod">The pod label.</param>
/// <param name="ExitCode">The container's exit code.</param>
/// <param name="Reason">The kubelet's termination reason, e.g. <c>Completed</c>, <c>Error</c>.</param>
public sealed record AppExitRecord(string Pod, int ExitCode, string? Reason)
{
    /// <summary>Seconds from the deletion (the kubelet's SIGTERM follows it at once) to the container's finishedAt, or null when unknown.</summary>
    public double? SecondsAfterSigterm { get; init; }

    /// <summary>The precision of <see cref="SecondsAfterSigterm"/> (finishedAt has whole seconds on most clusters).</summary>
    public double? PrecisionSeconds { get; init; }
}
