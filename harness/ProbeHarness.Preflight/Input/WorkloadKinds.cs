using k8s;
using k8s.Models;

namespace ProbeHarness.Preflight.Input;

/// <summary>The kinds preflight looks into, and where each keeps its pod spec.</summary>
public static class WorkloadKinds
{
    /// <summary>The workload kinds (apiVersion/kind) whose pod specs are checked.</summary>
    public static IReadOnlyList<string> All { get; } = ["apps/v1/Deployment", "apps/v1/StatefulSet", "apps/v1/DaemonSet", "batch/v1/Job", "batch/v1/CronJob", "v1/Pod"];

    /// <summary>
    /// Deserializes <paramref name="yaml"/> strictly (a misspelt field is an error) as the workload <paramref name="typeKey"/>; returns its pod
    /// spec and that spec's path, or null when <paramref name="typeKey"/> is no workload kind. The spec is null when the object has none.
    /// </summary>
    /// <exception cref="YamlDotNet.Core.YamlException">The YAML does not fit the kind's schema.</exception>
    public static (V1PodSpec? Spec, string Path)? PodSpec(string typeKey, string yaml) => typeKey switch
    {
        "apps/v1/Deployment" => (KubernetesYaml.Deserialize<V1Deployment>(yaml, strict: true).Spec?.Template?.Spec, "spec.template.spec"),
        "apps/v1/StatefulSet" => (KubernetesYaml.Deserialize<V1StatefulSet>(yaml, strict: true).Spec?.Template?.Spec, "spec.template.spec"),
        "apps/v1/DaemonSet" => (KubernetesYaml.Deserialize<V1DaemonSet>(yaml, strict: true).Spec?.Template?.Spec, "spec.template.spec"),
        "batch/v1/Job" => (KubernetesYaml.Deserialize<V1Job>(yaml, strict: true).Spec?.Template?.Spec, "spec.template.spec"),
        "batch/v1/CronJob" => (KubernetesYaml.Deserialize<V1CronJob>(yaml, strict: true).Spec?.JobTemplate?.Spec?.Template?.Spec, "spec.jobTemplate.spec.template.spec"),
        "v1/Pod" => (KubernetesYaml.Deserialize<V1Pod>(yaml, strict: true).Spec, "spec"),
        _ => null,
    };
}
