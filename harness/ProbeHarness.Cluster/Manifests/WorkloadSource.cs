namespace ProbeHarness.Cluster.Manifests;

/// <summary>Where a loaded workload came from: the file and the two documents, so a later check can name file, document and line.</summary>
/// <param name="File">The manifest file as the user named it (or the source name given to <see cref="WorkloadManifest.Parse"/>).</param>
/// <param name="Deployment">The Deployment's document.</param>
/// <param name="Service">The Service's document.</param>
public sealed record WorkloadSource(string File, ManifestDocument Deployment, ManifestDocument Service);
