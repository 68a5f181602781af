using k8s;
using k8s.Models;
using ProbeHarness.Cluster;

namespace ProbeHarness.Kubernetes.Manifests;

/// <summary>Readies a scenario's workload for a real cluster: its namespace, the target app's image reference and pull policy.</summary>
public static class RealClusterManifest
{
    /// <summary>A copy of the workload placed in <paramref name="namespace"/>, whose target app containers run <paramref name="targetImage"/> with <c>IfNotPresent</c>.</summary>
    /// <remarks>The caller's objects are not changed: features build a workload once and may deploy it to several namespaces.</remarks>
    /// <exception cref="ArgumentException">The workload lacks a name or a pod template; the message names the field path.</exception>
    public static Workload Render(Workload workload, string @namespace, string targetImage)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetImage);
        var deployment = Copy(workload.Deployment);
        var service = Copy(workload.Service);
        Require(deployment.Metadata?.Name, "Deployment.metadata.name");
        Require(service.Metadata?.Name, "Service.metadata.name");
        var pod = deployment.Spec?.Template?.Spec
            ?? throw new ArgumentException($"Deployment {deployment.Metadata!.Name} has no spec.template.spec.", nameof(workload));

        deployment.Metadata!.NamespaceProperty = @namespace;
        service.Metadata!.NamespaceProperty = @namespace;
        foreach (var container in (pod.InitContainers ?? []).Concat(pod.Containers ?? []))
        {
            if (TargetAppImage.IsPlaceholder(container.Image))
            {
                container.Image = targetImage;
                container.ImagePullPolicy = TargetAppImage.PullPolicy;
            }
        }

        return new Workload(deployment, service);
    }

    private static T Copy<T>(T item) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(item));

    private static void Require(string? value, string fieldPath)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The workload has no {fieldPath}.", "workload");
        }
    }
}
