using ProbeHarness.Cluster;

namespace ProbeHarness.Emulated.Images;

/// <summary>Finds the locally built target app: <c>HARNESS_TARGET_APP_DLL</c>, else the newest Debug or Release build.</summary>
public static class TargetAppLocator
{
    /// <summary>The environment variable naming the target app's DLL explicitly.</summary>
    public const string DllVariable = "HARNESS_TARGET_APP_DLL";

    private const string DllName = "ProbeHarness.TargetApp.dll";

    /// <summary>The path of the target app DLL; throws <see cref="FileNotFoundException"/> telling how to build it when there is none.</summary>
    public static string FindDll()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(DllVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? Path.GetFullPath(fromEnvironment)
                : throw new FileNotFoundException($"{DllVariable}={fromEnvironment} does not exist; build the target app or unset {DllVariable}", fromEnvironment);
        }

        string targetApp;
        try
        {
            targetApp = RepositoryPaths.TargetApp;
        }
        catch (TypeInitializationException e) when (e.InnerException is DirectoryNotFoundException missing)
        {
            throw new FileNotFoundException($"the target app was not found: {missing.Message} Or set {DllVariable} to the built DLL.", DllName, e);
        }

        var candidates = new[] { "Debug", "Release" }
            .Select(configuration => Path.Combine(targetApp, "bin", configuration, "net10.0", DllName))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .ToList();
        return candidates.Count > 0
            ? candidates[0]
            : throw new FileNotFoundException(
                $"the target app is not built: no {DllName} under {Path.Combine(targetApp, "bin")}. "
                + $"Run `dotnet build {targetApp}` (or set {DllVariable}).", DllName);
    }
}
