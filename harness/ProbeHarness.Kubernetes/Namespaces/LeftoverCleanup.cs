namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>What <see cref="LeftoverNamespaces.CleanAsync"/> did.</summary>
/// <param name="Deleted">Leftovers of this machine's earlier runs, now being deleted.</param>
/// <param name="LeftAlone">Namespaces of runs on other machines, named but not touched.</param>
public sealed record LeftoverCleanup(IReadOnlyList<string> Deleted, IReadOnlyList<string> LeftAlone);
