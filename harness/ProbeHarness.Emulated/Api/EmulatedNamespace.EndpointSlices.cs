using System.Globalization;
using k8s;
using k8s.Models;
using ProbeHarness.Emulated.Services;
using ProbeHarness.Kubelet.Semantics;

namespace ProbeHarness.Emulated.Api;

/// <summary>The EndpointSlice controller (§1.12): one slice per Service, rebuilt on every pod change, and the proxies' ready endpoints.</summary>
public sealed partial class EmulatedNamespace
{
    // Callers hold _gate.
    private void UpdateSlices()
    {
        foreach (var service in _services.Values)
        {
            UpdateSlice(service, added: false);
        }
    }

    // Callers hold _gate.
    private void UpdateSlice(ServiceRecord record, bool added)
    {
        var service = record.Service;
        var pods = _pods.Values.Where(p => !p.Removed).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var members = pods
            .Select(p => (Pod: p, Endpoint: EndpointSliceMapping.ToEndpoint(p.Pod, service, _context.Kubelet.Profile)))
            .Where(m => m.Endpoint is not null)
            .ToList();
        var ports = service.Spec.Ports.Select(port => new Discoveryv1EndpointPort
        {
            Name = port.Name,
            Port = members.Select(m => TargetPort(port, m.Pod.Pod)).FirstOrDefault(p => p is not null),
            Protocol = port.Protocol ?? "TCP",
            AppProtocol = port.AppProtocol,
        }).ToList();

        var endpoints = members.Select(m => m.Endpoint!).ToList();
        var content = KubernetesJson.Serialize(endpoints) + KubernetesJson.Serialize(ports);
        if (!added && content == record.PublishedContent)
        {
            return;
        }

        record.PublishedContent = content;
        record.Slice.Endpoints = endpoints;
        record.Slice.Ports = ports;
        Publish(added ? WatchEventType.Added : WatchEventType.Modified, record.Slice);

        for (var i = 0; i < service.Spec.Ports.Count; i++)
        {
            var port = service.Spec.Ports[i];
            record.Proxies[i].SetEndpoints(members
                .Where(m => m.Endpoint!.Conditions?.Ready == true && TargetPort(port, m.Pod.Pod) is not null)
                .Select(m => new ProxyEndpoint(m.Pod.Name, m.Pod.Ip, TargetPort(port, m.Pod.Pod)!.Value))
                .ToList());
        }
    }

    // A numeric targetPort as it is; a named one resolved against the pod's container ports.
    private static int? TargetPort(V1ServicePort port, V1Pod pod)
    {
        var target = port.TargetPort?.Value ?? port.Port.ToString(CultureInfo.InvariantCulture);
        if (int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return pod.Spec.Containers
            .SelectMany(c => c.Ports ?? [])
            .FirstOrDefault(p => p.Name == target && (p.Protocol ?? "TCP") == (port.Protocol ?? "TCP"))?.ContainerPort;
    }
}
