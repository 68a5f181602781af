using k8s;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Emulated.Services;
using ProbeHarness.Kubelet;
using ProbeHarness.Kubelet.Semantics;

using ProbeHarness.Emulated.Images;

namespace ProbeHarness.Emulated.Api;

/// <summary>Creating workloads: validation, the Service with its slice and proxies, the Deployment controller and pod deletion.</summary>
public sealed partial class EmulatedNamespace
{
    private const string TemplateHashLabel = "pod-template-hash";

    /// <inheritdoc />
    /// <remarks>An image runs when the image map has a local command for it; exec probes run the host's commands, so a shell is always there.</remarks>
    public Task<ImageCheck> CheckImageAsync(string image, string? pullPolicy, bool needsShell, TimeSpan within, CancellationToken cancellationToken) =>
        Task.FromResult(_context.Runtime.Images.Knows(image)
            ? ImageCheck.Ok(image)
            : new ImageCheck(image, $"the emulated backend has no local command for it (known: {string.Join(", ", _context.Runtime.Images.Repositories)}; see {_context.Runtime.Images.Source}); map it in a file named by {EmulatedImageMap.FileVariable}"));

    /// <inheritdoc />
    public async Task ApplyAsync(Workload workload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ThrowIfReleased();
        var deployment = EmulatedObjects.Copy(workload.Deployment);
        var service = EmulatedObjects.Copy(workload.Service);
        WorkloadValidation.ThrowIfInvalid(deployment, service, _context.Runtime.Images);
        deployment.Metadata.NamespaceProperty = Name;
        service.Metadata.NamespaceProperty = Name;
        lock (_gate)
        {
            if (_deployments.ContainsKey(deployment.Metadata.Name))
            {
                throw new InvalidOperationException($"Deployment {deployment.Metadata.Name} already exists in namespace {Name}.");
            }

            if (_services.ContainsKey(service.Metadata.Name))
            {
                throw new InvalidOperationException($"Service {service.Metadata.Name} already exists in namespace {Name}.");
            }
        }

        // The Service first, so its slice exists when the first pod appears.
        await CreateServiceAsync(service, cancellationToken).ConfigureAwait(false);
        List<PodRecord> started;
        lock (_gate)
        {
            var record = CreateDeployment(deployment);
            started = Reconcile(record, out _);
        }

        StartKubelets(started);
    }

    /// <inheritdoc />
    public Task ScaleAsync(string deploymentName, int replicas, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        ThrowIfReleased();
        List<PodRecord> started;
        List<PodRecord> excess;
        lock (_gate)
        {
            if (!_deployments.TryGetValue(deploymentName, out var record))
            {
                throw new InvalidOperationException($"Deployment {deploymentName} does not exist in namespace {Name}.");
            }

            record.Replicas = replicas;
            started = Reconcile(record, out excess);
        }

        StartKubelets(started);
        return Task.WhenAll(excess.Select(pod => DeletePodAsync(pod.Name, null, cancellationToken)));
    }

    /// <inheritdoc />
    /// <remarks>Returns once the pod shows its deletionTimestamp (as the API call does); the kubelet terminates it in the background and the ReplicaSet replaces it at once.</remarks>
    public async Task DeletePodAsync(string podName, long? gracePeriodSeconds, CancellationToken cancellationToken)
    {
        ThrowIfReleased();
        PodRecord record;
        bool first;
        List<PodRecord> replacements = [];
        lock (_gate)
        {
            if (!_pods.TryGetValue(podName, out record!) || record.Removed)
            {
                throw new InvalidOperationException($"Pod {podName} does not exist in namespace {Name} (already deleted?).");
            }

            first = !record.Terminating;
            record.Terminating = true;
            if (first && _deployments.TryGetValue(record.Deployment, out var owner))
            {
                replacements = Reconcile(owner, out _);
            }
        }

        if (first)
        {
            record.Termination = TerminateAndRemoveAsync(record, gracePeriodSeconds);
        }

        StartKubelets(replacements);
        await record.DeletionVisible.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateServiceAsync(V1Service service, CancellationToken cancellationToken)
    {
        var clusterIp = _context.Addresses.Allocate();
        var proxies = new List<EmulatedServiceProxy>();
        try
        {
            foreach (var port in service.Spec.Ports)
            {
                proxies.Add(await EmulatedServiceProxy.StartAsync($"{Name}/{service.Metadata.Name}", clusterIp, port.Port, cancellationToken).ConfigureAwait(false));
            }
        }
        catch
        {
            foreach (var proxy in proxies)
            {
                await proxy.DisposeAsync().ConfigureAwait(false);
            }

            _context.Addresses.Release(clusterIp);
            throw;
        }

        service.ApiVersion = "v1";
        service.Kind = "Service";
        service.Metadata.Uid = Guid.NewGuid().ToString();
        service.Metadata.CreationTimestamp = Now.UtcDateTime;
        EmulatedObjects.MarkEmulated(service.Metadata);
        service.Spec.Type ??= "ClusterIP";
        service.Spec.SessionAffinity ??= "None";
        service.Spec.ClusterIP = clusterIp;
        service.Spec.ClusterIPs = [clusterIp];
        service.Spec.IpFamilies = ["IPv4"];
        foreach (var port in service.Spec.Ports)
        {
            port.Protocol ??= "TCP";
            port.TargetPort ??= port.Port;
        }

        var slice = new V1EndpointSlice
        {
            ApiVersion = "discovery.k8s.io/v1",
            Kind = "EndpointSlice",
            Metadata = EmulatedObjects.MarkEmulated(new V1ObjectMeta
            {
                Name = $"{service.Metadata.Name}-{ObjectNames.RandomSuffix()}",
                GenerateName = $"{service.Metadata.Name}-",
                NamespaceProperty = Name,
                Uid = Guid.NewGuid().ToString(),
                CreationTimestamp = Now.UtcDateTime,
                Labels = new Dictionary<string, string>
                {
                    ["kubernetes.io/service-name"] = service.Metadata.Name,
                    ["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io",
                },
                OwnerReferences = [EmulatedObjects.ControllerReference("v1", "Service", service.Metadata.Name, service.Metadata.Uid)],
            }),
            AddressType = "IPv4",
            Endpoints = [],
            Ports = [],
        };

        lock (_gate)
        {
            var record = new ServiceRecord(service, slice, proxies);
            _services[service.Metadata.Name] = record;
            UpdateSlice(record, added: true);
        }

        Report($"service {service.Metadata.Name}: {string.Join(", ", proxies.Select(p => $"port {p.ServicePort} → {p.Address}"))} (emulated proxy, ready endpoints only)");
    }

    private DeploymentRecord CreateDeployment(V1Deployment deployment)
    {
        deployment.ApiVersion = "apps/v1";
        deployment.Kind = "Deployment";
        deployment.Metadata.Uid = Guid.NewGuid().ToString();
        deployment.Metadata.CreationTimestamp = Now.UtcDateTime;
        deployment.Metadata.Generation = 1;
        EmulatedObjects.MarkEmulated(deployment.Metadata);
        deployment.Spec.Replicas ??= 1;
        var record = new DeploymentRecord(deployment, ObjectNames.TemplateHash(deployment.Spec.Template), Guid.NewGuid().ToString());
        _deployments[deployment.Metadata.Name] = record;
        return record;
    }

    // The ReplicaSet controller: pods without a deletionTimestamp count; too few → new pods, too many → the least valuable go.
    private List<PodRecord> Reconcile(DeploymentRecord deployment, out List<PodRecord> excess)
    {
        var active = _pods.Values.Where(p => p.Deployment == deployment.Name && !p.Terminating && !p.Removed).ToList();
        var created = new List<PodRecord>();
        for (var i = active.Count; i < deployment.Replicas; i++)
        {
            created.Add(CreatePod(deployment));
        }

        // ReplicaSet deletion ranking (simplified): not ready first, then more restarts, then the newest.
        excess = active
            .OrderBy(p => EndpointSliceMapping.IsPodReady(p.Pod))
            .ThenByDescending(p => p.Pod.Status?.ContainerStatuses?.Sum(c => c.RestartCount) ?? 0)
            .ThenByDescending(p => p.Pod.Metadata.CreationTimestamp)
            .Take(Math.Max(0, active.Count - deployment.Replicas))
            .ToList();
        return created;
    }

    private PodRecord CreatePod(DeploymentRecord deployment)
    {
        string name;
        do
        {
            name = $"{deployment.ReplicaSetName}-{ObjectNames.RandomSuffix()}";
        }
        while (_pods.ContainsKey(name));

        var pod = PodFactory.FromTemplate(deployment, name, Name, _context.Kubelet.NodeName, Now);
        var ip = _context.Addresses.Allocate();
        var kubelet = new PodKubelet(pod, ip, _context.Runtime, _context.Prober, TimeProvider.System, _context.Kubelet);
        var record = new PodRecord(pod, ip, deployment.Name, kubelet);
        kubelet.StatusChanged += status => OnPodStatus(record, status);
        kubelet.EventRecorded += OnKubeletEvent;
        _pods[name] = record;
        Publish(WatchEventType.Added, pod);
        RecordSchedulerEvent(pod);
        return record;
    }

    // Kubelets run their first actions on the calling thread: never under _gate.
    private void StartKubelets(IEnumerable<PodRecord> records)
    {
        foreach (var record in records)
        {
            _ = StartKubeletAsync(record);
        }
    }

    private async Task StartKubeletAsync(PodRecord record)
    {
        try
        {
            await Task.Yield();
            await record.Kubelet.StartAsync(_lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The namespace was released while the pod was starting.
        }
    }

    private async Task TerminateAndRemoveAsync(PodRecord record, long? gracePeriodSeconds)
    {
        try
        {
            await Task.Yield();
            await record.Kubelet.TerminateAsync(gracePeriodSeconds, _lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Released meanwhile: the release kills what is left.
            return;
        }

        lock (_gate)
        {
            if (_released || record.Removed)
            {
                return;
            }

            record.Removed = true;
            _pods.Remove(record.Name);
            Publish(WatchEventType.Deleted, record.Pod);
            UpdateSlices();
        }

        await DisposePodAsync(record).ConfigureAwait(false);
    }

    private async Task DisposePodAsync(PodRecord record)
    {
        await record.Kubelet.DisposeAsync().ConfigureAwait(false);
        await _context.Runtime.RemovePodAsync(record.Pod).ConfigureAwait(false);
        _context.Addresses.Release(record.Ip);
    }

    private void OnPodStatus(PodRecord record, V1Pod status)
    {
        lock (_gate)
        {
            if (record.Removed || _released)
            {
                return;
            }

            record.Pod = status;
            Publish(WatchEventType.Modified, status);
            if (status.Metadata.DeletionTimestamp is not null)
            {
                record.DeletionVisible.TrySetResult();
            }

            UpdateSlices();
        }
    }
}
