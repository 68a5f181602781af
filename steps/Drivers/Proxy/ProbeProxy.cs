using System.Globalization;
using k8s;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Manifests;

namespace ProbeHarness.Steps.Drivers.Proxy;

/// <summary>
/// Puts the target app in proxy mode (target-app/README.md, "Proxy mode") beside each probed container of a user's workload and
/// re-points that container's httpGet, tcpSocket and gRPC probes at it (exec probes run through a shim that reads the proxy's faults),
/// so the fault steps reach the user's own app. The one place
/// that knows the proxy's port layout: proxy n (0-based) has its fault API on 15080 + 100·n and the liveness, readiness and startup
/// routes on the next three ports.
/// </summary>
public static class ProbeProxy
{
    /// <summary>The first proxy's fault API port.</summary>
    public const int BasePort = 15080;

    /// <summary>The port distance between two proxies of one pod.</summary>
    public const int PortStep = 100;

    /// <summary>The proxy container's name prefix.</summary>
    public const string ContainerPrefix = "probe-proxy";

    /// <summary>Where the proxy and the app's container share the exec faults (an emptyDir): the proxy writes one file per probe, the shim reads it.</summary>
    public const string ExecFaultDirectory = "/var/run/probe-fault-proxy";

    /// <summary>The variable that tells the exec shim in the app's container where to look (a container path the emulated backend maps too).</summary>
    public const string ExecFaultVariable = "PROBE_FAULT_DIR";

    // $0 of the shim names the probe, so a deployed exec probe says which probe's faults it follows.
    private const string ShimName = "probe-fault-shim-";

    private static readonly ProbeKind[] Kinds = [ProbeKind.Liveness, ProbeKind.Readiness, ProbeKind.Startup];

    /// <summary>The name of proxy <paramref name="index"/> (0-based): <c>probe-proxy</c>, <c>probe-proxy-2</c>, ….</summary>
    public static string ContainerName(int index) => index == 0 ? ContainerPrefix : string.Create(CultureInfo.InvariantCulture, $"{ContainerPrefix}-{index + 1}");

    /// <summary>The fault API port of proxy <paramref name="index"/>.</summary>
    public static int FaultApiPort(int index) => BasePort + (PortStep * index);

    /// <summary>The port of proxy <paramref name="index"/> that forwards the <paramref name="kind"/> probe.</summary>
    public static int RoutePort(int index, ProbeKind kind) => FaultApiPort(index) + 1 + Array.IndexOf(Kinds, kind);

    /// <summary>The probe kind a proxy route port forwards, or null when <paramref name="port"/> is no route port.</summary>
    public static ProbeKind? KindOfRoutePort(int port)
    {
        var offset = (port - BasePort) % PortStep;
        return port >= BasePort && port < BasePort + (PortStep * 10) && offset is >= 1 and <= 3 ? Kinds[offset - 1] : null;
    }

    /// <summary>The probe whose faults a deployed exec probe follows through the shim, or null when it is not shimmed.</summary>
    public static ProbeKind? ShimmedKindOf(V1Probe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Exec?.Command is not { Count: >= 4 } command || command[0] != "/bin/sh" || command[1] != "-c")
        {
            return null;
        }

        foreach (var kind in Kinds)
        {
            if (command[3] == ShimName + kind.ToString().ToLowerInvariant())
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The route a deployed, re-pointed probe goes through, or null when it is not proxied (exec, or a workload without proxy).</summary>
    public static (ProbeKind Kind, ProxyProtocol Protocol)? RouteOf(V1Probe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var (protocol, port) = probe switch
        {
            { HttpGet: { } http } => (ProxyProtocol.Http, Number(http.Port)),
            { TcpSocket: { } tcp } => (ProxyProtocol.Tcp, Number(tcp.Port)),
            { Grpc: { } grpc } => (ProxyProtocol.Grpc, (int?)grpc.Port),
            _ => (ProxyProtocol.Http, null),
        };
        return port is { } p && KindOfRoutePort(p) is { } kind ? (kind, protocol) : null;
    }

    /// <summary>
    /// A copy of <paramref name="workload"/> with a proxy (made from <paramref name="proxyTemplate"/>, the target app's container) beside each
    /// container that has an httpGet, tcpSocket or gRPC probe, those probes aimed at it, and <c>shareProcessNamespace</c> on so the proxy can
    /// signal the app; throws <see cref="ManifestException"/> naming the file, the document and every field the proxy cannot serve.
    /// </summary>
    public static ProxiedWorkload Attach(Workload workload, V1Container proxyTemplate)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(proxyTemplate);
        var copy = new Workload(Copy(workload.Deployment), Copy(workload.Service)) { Source = workload.Source };
        var pod = copy.Deployment.Spec?.Template?.Spec ?? throw Refuse(workload, ["spec.template.spec: Required value"]);
        var errors = new List<string>();
        var limits = new List<string>();
        if (pod.HostNetwork == true)
        {
            errors.Add("spec.template.spec.hostNetwork: a pod on the host's network cannot take the proxy (its ports would be the node's)");
        }

        var containers = pod.Containers ?? [];
        foreach (var (container, i) in containers.Select((c, i) => (c, i)))
        {
            foreach (var port in container.Ports ?? [])
            {
                if (port.ContainerPort >= BasePort && port.ContainerPort < BasePort + (PortStep * containers.Count))
                {
                    errors.Add($"spec.template.spec.containers[{i}].ports: {port.ContainerPort} is one of the probe proxy's ports ({BasePort}–{BasePort + (PortStep * containers.Count) - 1}); move the app off them");
                }
            }
        }

        var proxies = new List<ProxyAttachment>();
        var proxyContainers = new List<V1Container>();
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i];
            var routes = new List<ProxyRoute>();
            var shimmed = false;
            foreach (var kind in Kinds)
            {
                var field = $"spec.template.spec.containers[{i}].{kind.ToString().ToLowerInvariant()}Probe";
                if (ProbeDescription.Of(container, kind) is not { } probe)
                {
                    continue;
                }

                if (probe.Exec is { } exec)
                {
                    exec.Command = Shim(kind, exec.Command ?? []);
                    shimmed = true;
                    continue;
                }

                if (Route(pod, container, probe, field, errors) is not { } target)
                {
                    continue;
                }

                var listen = RoutePort(proxies.Count, kind);
                routes.Add(new ProxyRoute(kind, target.Protocol, listen, target.AppPort));
                Repoint(probe, listen);
            }

            if (routes.Count == 0 && !shimmed)
            {
                continue;
            }

            var proxy = ProxyContainer(proxyTemplate, proxies.Count, routes, container);
            if (shimmed)
            {
                var volume = $"{proxy.Name}-exec";
                (pod.Volumes ??= []).Add(new V1Volume { Name = volume, EmptyDir = new V1EmptyDirVolumeSource() });
                (container.VolumeMounts ??= []).Add(new V1VolumeMount { Name = volume, MountPath = ExecFaultDirectory });
                (proxy.VolumeMounts ??= []).Add(new V1VolumeMount { Name = volume, MountPath = ExecFaultDirectory });
                (container.Env ??= []).Add(new V1EnvVar { Name = ExecFaultVariable, Value = ExecFaultDirectory });
                proxy.Env.Add(new V1EnvVar { Name = "PROXY_EXEC_FAULT_DIR", Value = ExecFaultDirectory });
                limits.Add($"container \"{container.Name}\": its exec probes run through the probe fault proxy's shim (/bin/sh -c …): the image needs /bin/sh, else every exec probe errors");
            }

            proxies.Add(new ProxyAttachment(container.Name, proxy.Name, FaultApiPort(proxies.Count), routes));
            proxyContainers.Add(proxy);
        }

        if (errors.Count == 0 && proxies.Count == 0)
        {
            errors.Add("spec.template.spec.containers: no container has a liveness, readiness or startup probe, so there is no probe behaviour to prove; add the probes the app runs with");
        }

        if (errors.Count > 0)
        {
            throw Refuse(workload, errors);
        }

        if (containers.Any(c => proxyContainers.Any(p => p.Name == c.Name)))
        {
            throw Refuse(workload, [$"spec.template.spec.containers: a container is named like the harness's proxy (\"{ContainerPrefix}…\"); rename it"]);
        }

        foreach (var proxy in proxyContainers)
        {
            containers.Add(proxy);
        }

        if (proxies.Count > 0)
        {
            // The proxy crashes and freezes the app by signalling its process, which it must be able to see.
            pod.ShareProcessNamespace = true;
        }

        return new ProxiedWorkload(copy, proxies, limits);
    }

    // The probe's protocol and the app port it aims at; null (with the reason in errors) when the proxy cannot serve it.
    private static (ProxyProtocol Protocol, int AppPort)? Route(V1PodSpec pod, V1Container container, V1Probe probe, string field, List<string> errors)
    {
        var (protocol, port, host, handler) = probe switch
        {
            { HttpGet: { } http } => (ProxyProtocol.Http, http.Port, http.Host, "httpGet"),
            { TcpSocket: { } tcp } => (ProxyProtocol.Tcp, tcp.Port, tcp.Host, "tcpSocket"),
            { Grpc: { } grpc } => (ProxyProtocol.Grpc, (IntOrString)grpc.Port, null, "grpc"),
            _ => (ProxyProtocol.Http, null, null, "none"),
        };
        if (handler == "none")
        {
            errors.Add($"{field}: no handler (httpGet, tcpSocket, exec or grpc)");
            return null;
        }

        if (!string.IsNullOrEmpty(host))
        {
            errors.Add($"{field}.{handler}.host: '{host}' aims the probe at another host, which the proxy beside the app cannot stand in for; drop host to probe the pod");
            return null;
        }

        if (probe.HttpGet?.Scheme is { } scheme && !string.Equals(scheme, "HTTP", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{field}.httpGet.scheme: {scheme} probes are not proxied (the proxy speaks plain HTTP to the app); test it with scheme HTTP");
            return null;
        }

        var declared = (pod.Containers ?? []).SelectMany(c => c.Ports ?? []).ToList();
        int appPort;
        if (Number(port) is { } number)
        {
            if (declared.All(p => p.ContainerPort != number))
            {
                errors.Add($"{field}.{handler}.port: {number} is not a port any container declares ({Describe(declared)}); declare it under ports so the proxy knows the app listens there");
                return null;
            }

            appPort = number;
        }
        else if ((container.Ports ?? []).FirstOrDefault(p => p.Name == port?.Value) is { } named)
        {
            appPort = named.ContainerPort;
        }
        else
        {
            errors.Add($"{field}.{handler}.port: '{port?.Value}' names no port of container \"{container.Name}\" ({Describe(container.Ports ?? [])}); the kubelet would fail every probe");
            return null;
        }

        return (protocol, appPort);
    }

    private static void Repoint(V1Probe probe, int port)
    {
        if (probe.HttpGet is { } http)
        {
            http.Port = (IntOrString)port;
        }
        else if (probe.TcpSocket is { } tcp)
        {
            tcp.Port = (IntOrString)port;
        }
        else if (probe.Grpc is { } grpc)
        {
            grpc.Port = port;
        }
    }

    // The user's command runs unless the proxy wrote a fault for this probe: fail exits 1, hang outlives the probe's timeout,
    // slow waits first. Only POSIX sh (the image's /bin/sh); the fault directory comes from the container's env.
    private static List<string> Shim(ProbeKind kind, IList<string> command)
    {
        var name = kind.ToString().ToLowerInvariant();
        var script = $"f=\"${ExecFaultVariable}/{name}\"; if [ -f \"$f\" ]; then read -r m d < \"$f\"; case \"$m\" in "
            + $"fail) echo \"probe fault proxy: {name} fault\"; exit 1;; hang) exec sleep 86400;; slow) sleep \"$d\";; esac; fi; exec \"$@\"";
        return ["/bin/sh", "-c", script, ShimName + name, .. command];
    }

    private static V1Container ProxyContainer(V1Container template, int index, IReadOnlyList<ProxyRoute> routes, V1Container app)
    {
        var apiPort = FaultApiPort(index);
        var appPorts = (app.Ports ?? []).Select(p => p.ContainerPort).Distinct().ToList();
        return new V1Container
        {
            Name = ContainerName(index),
            Image = template.Image,
            ImagePullPolicy = template.ImagePullPolicy,
            Env =
            [
                new V1EnvVar { Name = "PORT", Value = apiPort.ToString(CultureInfo.InvariantCulture) },
                new V1EnvVar { Name = "FAULTS_ENABLED", Value = "true" },
                .. routes.Count > 0 ? [new V1EnvVar { Name = "PROXY_ROUTES", Value = string.Join(',', routes) }] : Array.Empty<V1EnvVar>(),
                // Crash and freeze find the app by its listening sockets: every port it declares.
                .. appPorts.Count > 0 ? [new V1EnvVar { Name = "PROXY_SIGNAL_PORTS", Value = string.Join(',', appPorts) }] : Array.Empty<V1EnvVar>(),
                .. (template.Env ?? []).Where(e => e.Name == "POD_NAME").Select(Copy),
            ],
            Ports = [new V1ContainerPort { Name = "proxy-api", ContainerPort = apiPort, Protocol = "TCP" }, .. routes.Select(r => new V1ContainerPort { ContainerPort = r.ListenPort, Protocol = "TCP" })],
            // Root with SYS_PTRACE reads the app's /proc/<pid>/fd (to find its listening socket) whatever user the app runs as.
            SecurityContext = new V1SecurityContext
            {
                RunAsUser = 0,
                RunAsNonRoot = false,
                Capabilities = new V1Capabilities { Add = ["SYS_PTRACE", "KILL"] },
            },
        };
    }

    private static string Describe(IEnumerable<V1ContainerPort> ports)
    {
        var list = ports.Select(p => p.Name is { Length: > 0 } name ? $"{name} {p.ContainerPort}" : p.ContainerPort.ToString(CultureInfo.InvariantCulture)).ToList();
        return list.Count == 0 ? "none declared" : string.Join(", ", list);
    }

    private static int? Number(IntOrString? port) =>
        int.TryParse(port?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static ManifestException Refuse(Workload workload, IReadOnlyList<string> errors)
    {
        var document = workload.Source?.Deployment;
        var where = document is null ? $"Deployment {workload.Deployment.Metadata?.Name}" : $"{document.Kind} {document.Name}";
        return new ManifestException(
            workload.Source?.File ?? "the workload",
            document?.Line,
            null,
            $"{where} cannot be tested through the probe fault proxy: {string.Join("; ", errors)}");
    }

    private static T Copy<T>(T item) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(item));
}
