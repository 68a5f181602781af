using ProbeHarness.Cluster;

namespace ProbeHarness.Preflight.Input;

/// <summary>The manifest every scenario of the suite deploys (changing its probes in code): manifests/target-app.yaml.</summary>
public static class DeployedManifest
{
    /// <summary>Its path, or null when no harness repository is found (a tool run elsewhere).</summary>
    public static string? TryFind()
    {
        try
        {
            return Path.Combine(RepositoryPaths.Manifests, "target-app.yaml");
        }
        catch (Exception e) when (e is DirectoryNotFoundException or TypeInitializationException { InnerException: DirectoryNotFoundException })
        {
            return null;
        }
    }
}
