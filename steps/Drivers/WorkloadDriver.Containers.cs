using System.Globalization;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Containers the scenario adds beside the target app: a second app container, a sidecar, an init container; each runs the target app on ports of its own.</summary>
public sealed partial class WorkloadDriver
{
    /// <summary>Where the emptyDir that counts an init container's runs over its restarts is mounted.</summary>
    public const string RunCountDirectory = "/var/run/target-app/runs";

    /// <summary>The first Kubernetes version whose API server and kubelet run sidecars by default (SidecarContainers beta, on).</summary>
    public static readonly Version SidecarsFrom = new(1, 29);

    // The n-th added container listens on the target app's ports + n·100 (the pod's containers share one network namespace).
    private const int PortStep = 100;

    /// <summary>Every container of the pod: init containers (sidecars among them) in order, then the app containers.</summary>
    public IEnumerable<V1Container> AllContainers =>
        (_workload.Deployment.Spec.Template.Spec.InitContainers ?? []).Concat(_workload.Deployment.Spec.Template.Spec.Containers);

    /// <summary>True when the pod has a restartable init container.</summary>
    public bool HasSidecar => (_workload.Deployment.Spec.Template.Spec.InitContainers ?? []).Any(c => c.RestartPolicy == "Always");

    /// <summary>Adds container <paramref name="name"/> running the target app as <paramref name="role"/>, with its own ports and no probes.</summary>
    public V1Container AddContainer(string name, ContainerRole role)
    {
        EnsureNotDeployed();
        RequireTargetApp($"container \"{name}\" (a copy of the target app)");
        if (!Regex.IsMatch(name, "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"))
        {
            throw new ScenarioInputException($"container name \"{name}\" is not a DNS-1123 label (lower-case letters, digits and '-', at most 63).");
        }

        if (AllContainers.Any(c => c.Name == name))
        {
            throw new ScenarioInputException($"the pod already has a container \"{name}\"; names must be unique.");
        }

        var offset = PortStep * AllContainers.Count();
        var container = KubernetesJson.Deserialize<V1Container>(KubernetesJson.Serialize(Container));
        container.Name = name;
        container.LivenessProbe = null;
        container.ReadinessProbe = null;
        container.StartupProbe = null;
        container.VolumeMounts = null;
        container.Env = [.. (container.Env ?? []).Where(e => e.Name is not ("FAULT_STATE_DIR" or "PORT" or "TCP_PORT" or "GRPC_PORT"))];
        var ports = (Container.Ports ?? []).Select(p => p.ContainerPort + offset).ToList();
        container.Ports = [.. ports.Select(port => new V1ContainerPort { ContainerPort = port, Protocol = "TCP" })];
        container.Env.Add(new V1EnvVar { Name = "PORT", Value = Text(MainPort("http") + offset) });
        container.Env.Add(new V1EnvVar { Name = "TCP_PORT", Value = Text(MainPort("tcp") + offset) });
        container.Env.Add(new V1EnvVar { Name = "GRPC_PORT", Value = Text(MainPort("grpc") + offset) });

        var spec = _workload.Deployment.Spec.Template.Spec;
        switch (role)
        {
            case ContainerRole.Regular:
                spec.Containers.Add(container);
                break;
            case ContainerRole.Sidecar:
                container.RestartPolicy = "Always";
                (spec.InitContainers ??= []).Add(container);
                break;
            default:
                (spec.InitContainers ??= []).Add(container);
                break;
        }

        return container;
    }

    /// <summary>Makes init container <paramref name="name"/> end by itself <paramref name="seconds"/> after its ports open, with <paramref name="exitCode"/> until run <paramref name="succeedFromRun"/> (then 0).</summary>
    public void EndRunAfter(string name, double seconds, int exitCode, int? succeedFromRun)
    {
        EnsureNotDeployed();
        var container = ContainerNamed(name);
        SetEnvironment("EXIT_AFTER_SECONDS", seconds.ToString(CultureInfo.InvariantCulture), name);
        SetEnvironment("EXIT_CODE", Text(exitCode), name);
        if (succeedFromRun is not { } from)
        {
            return;
        }

        var pod = _workload.Deployment.Spec.Template.Spec;
        pod.Volumes ??= [];
        if (pod.Volumes.All(v => v.Name != "run-count"))
        {
            pod.Volumes.Add(new V1Volume { Name = "run-count", EmptyDir = new V1EmptyDirVolumeSource() });
        }

        container.VolumeMounts ??= [];
        container.VolumeMounts.Add(new V1VolumeMount { Name = "run-count", MountPath = RunCountDirectory });
        SetEnvironment("SUCCEED_FROM_RUN", Text(from), name);
        SetEnvironment("RUN_COUNT_FILE", $"{RunCountDirectory}/{name}", name);
    }

    /// <summary>The container named <paramref name="name"/> (null: the target app's), failing with the pod's container names when there is none.</summary>
    public V1Container ContainerNamed(string? name) =>
        name is null
            ? Container
            : AllContainers.FirstOrDefault(c => c.Name == name) ?? throw new ScenarioInputException(
                $"the pod has no container \"{name}\"; it has: {string.Join(", ", AllContainers.Select(c => $"\"{c.Name}\""))}.");

    /// <summary>The HTTP port (fault API, HTTP probes) of container <paramref name="name"/> (null: the target app's).</summary>
    public int HttpPortOf(string? name) =>
        ContainerNamed(name).Env?.FirstOrDefault(e => e.Name == "PORT")?.Value is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var port)
            ? port
            : MainPort("http");

    /// <summary>Refuses a sidecar on a cluster older than <see cref="SidecarsFrom"/>: its API server drops <c>restartPolicy</c> and the sidecar would block the pod as a plain init container.</summary>
    private void RefuseSidecarsBefore(string? kubernetesVersion)
    {
        if (HasSidecar && KubernetesVersion.TryParse(kubernetesVersion, out var version) && version < SidecarsFrom)
        {
            throw new ScenarioInputException(
                $"the pod has a sidecar (an init container with restartPolicy Always), which needs Kubernetes {SidecarsFrom.Major}.{SidecarsFrom.Minor} or later; " +
                $"this cluster runs {kubernetesVersion}, whose API server drops the field, so the sidecar would run as a plain init container and block the pod. Tag the scenario @min-k8s-1.29.");
        }
    }

    // The target app's port of that name in the manifest (the app's own default for it).
    private int MainPort(string portName) => Container.Ports.Single(p => p.Name == portName).ContainerPort;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
