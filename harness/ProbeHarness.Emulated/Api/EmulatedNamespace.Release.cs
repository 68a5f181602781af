using System.Text;

namespace ProbeHarness.Emulated.Api;

/// <summary>Tearing the namespace down, or keeping its processes for inspection.</summary>
public sealed partial class EmulatedNamespace
{
    /// <inheritdoc />
    /// <remarks>
    /// Without keep, every container is killed at once (no grace: the scenario is over), proxies stop and pod directories go.
    /// With keep, the containers stay up (they outlive the harness; the next emulated run removes them) and the answer says how to reach them.
    /// </remarks>
    public async Task<string?> ReleaseAsync(bool keep, CancellationToken cancellationToken)
    {
        List<PodRecord> pods;
        List<ServiceRecord> services;
        lock (_gate)
        {
            if (_released)
            {
                return _releaseResult;
            }

            _released = true;
            pods = [.. _pods.Values];
            services = [.. _services.Values];
            if (keep)
            {
                _releaseResult = DescribeKept(pods, services);
                _kept = true;
                _context.OnKept();
            }

            _feed.Complete();
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        if (keep)
        {
            // The kubelets stop (the detached containers stay up); the proxies serve until the namespace is disposed.
            await Task.WhenAll(pods.Select(pod => pod.Kubelet.DisposeAsync().AsTask())).ConfigureAwait(false);
            return _releaseResult;
        }

        await Task.WhenAll(pods.Select(DisposePodAsync)).ConfigureAwait(false);
        await StopProxiesAsync(services).ConfigureAwait(false);
        return null;
    }

    private async Task StopProxiesAsync(IEnumerable<ServiceRecord> services)
    {
        foreach (var service in services)
        {
            foreach (var proxy in service.Proxies)
            {
                await proxy.DisposeAsync().ConfigureAwait(false);
            }

            _context.Addresses.Release(service.Service.Spec.ClusterIP);
        }
    }

    // Callers hold _gate. Kept groups are left off the run's kill list, so they outlive the harness.
    private string DescribeKept(List<PodRecord> pods, List<ServiceRecord> services)
    {
        var text = new StringBuilder($"emulated namespace {Name} kept (processes outlive the harness; the next emulated run removes them):");
        foreach (var pod in pods.Where(p => !p.Removed))
        {
            var ports = string.Join(", ", pod.Pod.Spec.Containers.SelectMany(c => c.Ports ?? []).Select(p => $"{p.Name ?? "port"} {p.ContainerPort}"));
            text.Append($"\n  pod {pod.Name}: http://{pod.Ip}:<port> ({ports}); directory {_context.Runtime.PodDirectory(pod.Pod)}");
            foreach (var instance in _context.Runtime.Keep(pod.Pod))
            {
                _context.Ledger.Keep(instance.ProcessGroupId);
                text.Append($"\n    {instance.Context.Description}: log {instance.Context.LogFile}; stop with: kill -- -{instance.ProcessGroupId}");
            }
        }

        foreach (var service in services)
        {
            text.Append($"\n  service {service.Name}: proxy at {string.Join(", ", service.Proxies.Select(p => p.Address))} (until the backend is disposed)");
        }

        return text.ToString();
    }
}
