using k8s.Models;
using ProbeHarness.Kubelet.Semantics;

namespace ProbeHarness.Emulated.Api;

/// <summary>Makes a ReplicaSet's pod from its template, with the API server's defaults and the trivial scheduler's node.</summary>
internal static class PodFactory
{
    /// <summary>A new pod named <paramref name="name"/> in <paramref name="namespaceName"/>, bound to <paramref name="nodeName"/>, phase Pending.</summary>
    public static V1Pod FromTemplate(DeploymentRecord deployment, string name, string namespaceName, string nodeName, DateTimeOffset now)
    {
        var template = EmulatedObjects.Copy(deployment.Deployment.Spec.Template);
        var labels = new Dictionary<string, string>(template.Metadata?.Labels ?? new Dictionary<string, string>())
        {
            ["pod-template-hash"] = deployment.TemplateHash,
        };
        var metadata = EmulatedObjects.MarkEmulated(new V1ObjectMeta
        {
            Name = name,
            GenerateName = $"{deployment.ReplicaSetName}-",
            NamespaceProperty = namespaceName,
            Uid = Guid.NewGuid().ToString(),
            CreationTimestamp = now.UtcDateTime,
            Labels = labels,
            Annotations = template.Metadata?.Annotations is { } annotations ? new Dictionary<string, string>(annotations) : null,
            OwnerReferences = [EmulatedObjects.ControllerReference("apps/v1", "ReplicaSet", deployment.ReplicaSetName, deployment.ReplicaSetUid)],
        });

        var spec = template.Spec;
        spec.NodeName = nodeName;
        spec.RestartPolicy ??= "Always";
        spec.TerminationGracePeriodSeconds ??= ProbeDefaults.PodTerminationGracePeriodSeconds;
        spec.DnsPolicy ??= "ClusterFirst";
        spec.SchedulerName ??= "default-scheduler";
        spec.ServiceAccountName ??= "default";
        spec.EnableServiceLinks ??= true;
        foreach (var container in (spec.InitContainers ?? []).Concat(spec.Containers))
        {
            ApplyContainerDefaults(container);
        }

        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = metadata,
            Spec = spec,
            Status = new V1PodStatus
            {
                Phase = "Pending",
                Conditions = [new V1PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = now.UtcDateTime }],
                QosClass = "BestEffort",
            },
        };
    }

    private static void ApplyContainerDefaults(V1Container container)
    {
        container.LivenessProbe = container.LivenessProbe is { } liveness ? ProbeDefaults.Apply(liveness) : null;
        container.ReadinessProbe = container.ReadinessProbe is { } readiness ? ProbeDefaults.Apply(readiness) : null;
        container.StartupProbe = container.StartupProbe is { } startup ? ProbeDefaults.Apply(startup) : null;
        container.TerminationMessagePath ??= "/dev/termination-log";
        container.TerminationMessagePolicy ??= "File";
        var tag = container.Image.Contains('@', StringComparison.Ordinal) ? "digest"
            : container.Image.LastIndexOf(':') > container.Image.LastIndexOf('/') ? container.Image[(container.Image.LastIndexOf(':') + 1)..]
            : "latest";
        container.ImagePullPolicy ??= tag == "latest" ? "Always" : "IfNotPresent";
        foreach (var port in container.Ports ?? [])
        {
            port.Protocol ??= "TCP";
        }
    }
}
