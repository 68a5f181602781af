namespace ProbeHarness.Cluster.Manifests;

/// <summary>What one YAML document of a manifest declares, and where it starts.</summary>
/// <param name="ApiVersion">Its <c>apiVersion</c>.</param>
/// <param name="Kind">Its <c>kind</c>.</param>
/// <param name="Name">Its <c>metadata.name</c>, if any.</param>
/// <param name="Line">One-based line where the document's content starts.</param>
public sealed record ManifestDocument(string ApiVersion, string Kind, string? Name, long Line)
{
    /// <summary>The type key KubernetesClient uses, e.g. <c>apps/v1/Deployment</c>.</summary>
    public string TypeKey => $"{ApiVersion}/{Kind}";

    /// <summary>e.g. <c>Deployment target-app (line 5)</c>.</summary>
    public override string ToString() => $"{Kind} {Name ?? "(unnamed)"} (line {Line})";
}
