namespace ProbeHarness.Cluster;

/// <summary>Finds the harness repository's folders (manifests, features, target app) from any build output.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: <c>HARNESS_REPO_ROOT</c> when set, else the nearest folder above the running assembly holding <c>Harness.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The <c>manifests/</c> folder.</summary>
    public static string Manifests => Path.Combine(Root, "manifests");

    /// <summary>The <c>features/</c> folder.</summary>
    public static string Features => Path.Combine(Root, "features");

    /// <summary>The <c>target-app/</c> folder.</summary>
    public static string TargetApp => Path.Combine(Root, "target-app");

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("HARNESS_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"Harness.sln was not found above {AppContext.BaseDirectory}; set HARNESS_REPO_ROOT to the harness repository.");
    }
}
