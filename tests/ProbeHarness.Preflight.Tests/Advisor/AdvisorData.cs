using ProbeHarness.Cluster;
using ProbeHarness.Preflight.Advisor;

namespace ProbeHarness.Preflight.Tests.Advisor;

/// <summary>The recorded runs the advisor tests learn from.</summary>
public static class AdvisorData
{
    /// <summary>A small recorded run (TestData/advisor/run): a soak with two container logs, a liveness fault, a passed scenario with a start→ready timing, a skipped one.</summary>
    public static string Run => Path.Combine(AppContext.BaseDirectory, "TestData", "advisor", "run");

    /// <summary>The Reporting tests' k3s run: no target-app probe line in it.</summary>
    public static string ReportingK3s => Path.Combine(AppContext.BaseDirectory, "TestData", "reporting", "run-k3s");

    /// <summary>manifests/target-app.yaml.</summary>
    public static string TargetAppManifest => Path.Combine(RepositoryPaths.Manifests, "target-app.yaml");

    public static RecordedSamples Samples(string folder) => RecordedSamples.From(AdvisorInput.ReadRecords(folder));
}
