using k8s;
using k8s.Models;
using ProbeHarness.Cluster;

namespace ProbeHarness.Steps.Drivers;

/// <summary>The default target-app workload (manifests/target-app.yaml), a fresh deep copy per scenario.</summary>
public static class DefaultWorkload
{
    /// <summary>Loads a fresh copy of the default workload.</summary>
    public static Workload Load()
    {
        var path = Path.Combine(RepositoryPaths.Manifests, "target-app.yaml");
        var objects = KubernetesYaml.LoadAllFromString(File.ReadAllText(path));
        return new Workload(objects.OfType<V1Deployment>().Single(), objects.OfType<V1Service>().Single());
    }
}
