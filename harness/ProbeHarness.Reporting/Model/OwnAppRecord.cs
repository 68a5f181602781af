namespace ProbeHarness.Reporting.Model;

/// <summary>What a scenario measured of a user's own app behind the probe fault proxy.</summary>
/// <param name="Manifest">The workload manifest, relative to the repository root when it lies inside it.</param>
public sealed record OwnAppRecord(string Manifest)
{
    /// <summary>The probes as the manifest states them, before the scenario's own probe settings (the record's <c>probes</c> are those deployed).</summary>
    public IReadOnlyList<ProbeSettings> ManifestProbes { get; init; } = [];

    /// <summary>Per pod and probe: start to first success, and the app's answer latency as the proxy saw it.</summary>
    public IReadOnlyList<ProxiedProbeRecord> Probes { get; init; } = [];

    /// <summary>How the app's containers ended after SIGTERM, where the scenario deleted a pod.</summary>
    public IReadOnlyList<AppExitRecord> Exits { get; init; } = [];
}
