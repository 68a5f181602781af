using k8s.Models;

namespace ProbeHarness.Kubelet.Semantics;

/// <summary>
/// The EndpointSlice controller's view of a pod (§1.12, <c>endpointslice/utils.go podToEndpoint</c>, <c>ShouldPodBeInEndpoints</c>):
/// v1.32 keeps terminating pods (ready=false, serving=Ready, terminating=true) and drops only terminal or IP-less pods; v1.20 drops a
/// terminating pod at once unless <c>publishNotReadyAddresses</c>, and sets only <c>ready</c> (§2).
/// </summary>
public static class EndpointSliceMapping
{
    /// <summary>True when the Service has a selector and every selector label matches the pod in the same namespace.</summary>
    public static bool Selects(V1Service service, V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(pod);
        var selector = service.Spec?.Selector;
        if (selector is not { Count: > 0 } || service.Metadata?.NamespaceProperty != pod.Metadata?.NamespaceProperty)
        {
            return false;
        }

        var labels = pod.Metadata?.Labels ?? new Dictionary<string, string>();
        return selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);
    }

    /// <summary><c>podutil.IsPodReady</c>: the pod's Ready condition is True.</summary>
    public static bool IsPodReady(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;
    }

    /// <summary>The pod's membership in the Service's slice (selector included), per behaviour profile.</summary>
    public static EndpointMembership Map(V1Pod pod, V1Service service, KubeletProfile profile = KubeletProfile.V132)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(service);
        if (!Selects(service, pod))
        {
            return new EndpointMembership(false, null, "not selected by the service");
        }

        var phase = pod.Status?.Phase;
        var publishNotReady = service.Spec?.PublishNotReadyAddresses == true;
        var terminating = pod.Metadata?.DeletionTimestamp is not null;
        var hasIp = !string.IsNullOrEmpty(pod.Status?.PodIP) || pod.Status?.PodIPs is { Count: > 0 };
        var serving = IsPodReady(pod);
        if (profile == KubeletProfile.V120)
        {
            // 1.20: ShouldPodBeInEndpoints(pod) by restartPolicy, then no IP / terminating (unless tolerated) are skipped.
            var terminal = (pod.Spec?.RestartPolicy ?? "Always") switch
            {
                "Never" => phase is "Failed" or "Succeeded",
                "OnFailure" => phase is "Succeeded",
                _ => false,
            };
            if (terminal)
            {
                return new EndpointMembership(false, null, $"terminal phase {phase}");
            }

            if (!hasIp)
            {
                return new EndpointMembership(false, null, "no pod IP");
            }

            if (terminating && !publishNotReady)
            {
                return new EndpointMembership(false, null, "terminating (v1.20 drops it at once)");
            }

            return new EndpointMembership(true, new V1EndpointConditions { Ready = publishNotReady || serving }, "listed");
        }

        if (phase is "Failed" or "Succeeded")
        {
            return new EndpointMembership(false, null, $"terminal phase {phase}");
        }

        if (!hasIp)
        {
            return new EndpointMembership(false, null, "no pod IP");
        }

        var conditions = new V1EndpointConditions
        {
            Ready = publishNotReady || (serving && !terminating),
            Serving = serving,
            Terminating = terminating,
        };
        return new EndpointMembership(true, conditions, terminating ? "listed while terminating" : "listed");
    }

    /// <summary>The pod as an EndpointSlice endpoint (addresses, conditions, nodeName, targetRef); null when it is not included.</summary>
    public static V1Endpoint? ToEndpoint(V1Pod pod, V1Service service, KubeletProfile profile = KubeletProfile.V132)
    {
        var membership = Map(pod, service, profile);
        if (!membership.Included)
        {
            return null;
        }

        var addresses = pod.Status?.PodIPs is { Count: > 0 } ips ? ips.Select(i => i.Ip).ToList() : [pod.Status!.PodIP];
        return new V1Endpoint
        {
            Addresses = [addresses[0]],
            Conditions = membership.Conditions,
            NodeName = string.IsNullOrEmpty(pod.Spec?.NodeName) ? null : pod.Spec.NodeName,
            TargetRef = new V1ObjectReference
            {
                Kind = "Pod",
                Name = pod.Metadata?.Name,
                NamespaceProperty = pod.Metadata?.NamespaceProperty,
                Uid = pod.Metadata?.Uid,
            },
        };
    }
}
