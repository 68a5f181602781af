namespace ProbeHarness.Cluster.Backends;

/// <summary>The backend a run uses and the one line that says why, printed before the first scenario.</summary>
/// <param name="Kind">The chosen backend.</param>
/// <param name="Reason">Why, e.g. "auto: no Docker engine at unix:///var/run/docker.sock → emulated".</param>
public sealed record BackendChoice(BackendKind Kind, string Reason);
