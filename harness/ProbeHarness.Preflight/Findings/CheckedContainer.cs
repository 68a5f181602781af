namespace ProbeHarness.Preflight.Findings;

/// <summary>A container (or init container) preflight checked, with or without findings: a JUnit test case.</summary>
/// <param name="File">The file as findings name it.</param>
/// <param name="Workload">e.g. <c>Deployment/target-app</c>.</param>
/// <param name="Container">The container's name.</param>
public sealed record CheckedContainer(string File, string Workload, string Container);
