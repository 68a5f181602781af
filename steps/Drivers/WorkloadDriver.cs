using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Manifests;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Builds the scenario's workload from the default manifest (or the user's own, behind the probe fault proxy), applying the scenario's settings in code, and deploys it.</summary>
public sealed partial class WorkloadDriver(
    ScenarioCluster cluster,
    ClusterObserver observer,
    PodRoster roster,
    Expectations expectations,
    ScenarioRecorder recorder,
    ScenarioClock clock,
    ScenarioLog log)
{
    /// <summary>Where the emptyDir that keeps faults over restarts is mounted.</summary>
    public const string FaultStateDirectory = "/var/run/target-app/faults";

    private Workload _workload = WorkloadManifest.LoadDefault();
    private bool _deployed;

    /// <summary>The workload as configured so far (deployed as it is now by <see cref="DeployAsync"/>).</summary>
    public Workload Workload => _workload;

    /// <summary>The app container's spec: the target app's, or the first probed container of the user's own workload.</summary>
    public V1Container Container => _workload.Deployment.Spec.Template.Spec.Containers[_appContainerIndex];

    /// <summary>The app container's name.</summary>
    public string ContainerName => Container.Name;

    /// <summary>The Deployment's name.</summary>
    public string DeploymentName => _workload.Deployment.Metadata.Name;

    /// <summary>The Service's name.</summary>
    public string ServiceName => _workload.Service.Metadata.Name;

    /// <summary>The Service port that reaches the app's HTTP port.</summary>
    public int ServicePort => _workload.Service.Spec.Ports[0].Port;

    /// <summary>The replica count the Deployment asks for.</summary>
    public int Replicas => _workload.Deployment.Spec.Replicas ?? 1;

    /// <summary>The probe of <paramref name="kind"/> as configured, or null when the container has none.</summary>
    public V1Probe? Probe(ProbeKind kind) => ProbeDescription.Of(Container, kind);

    /// <summary>The probe of <paramref name="kind"/>, failing with a clear message when the scenario has none.</summary>
    public V1Probe RequireProbe(ProbeKind kind) => Probe(kind) ?? throw new ScenarioInputException(
        $"the scenario has no {kind.ToString().ToLowerInvariant()} probe, so no {kind.ToString().ToLowerInvariant()} bound can be derived.");

    /// <summary>Sets how many replicas the Deployment runs.</summary>
    public void SetReplicas(int replicas)
    {
        EnsureNotDeployed();
        _workload.Deployment.Spec.Replicas = CheckReplicas(replicas);
    }

    /// <summary>Returns <paramref name="replicas"/> when it is from 0 to the run's cap, else fails naming the value and the cap.</summary>
    public static int CheckReplicas(int replicas) => replicas switch
    {
        < 0 => throw new ScenarioInputException($"replicas must be 0 or more, not {replicas}."),
        _ when replicas > TestRun.MaxReplicas => throw new ScenarioInputException(
            $"{replicas} replicas is more than this run allows ({TestRun.MaxReplicas}, set by HARNESS_MAX_REPLICAS); raise the cap to run more."),
        _ => replicas,
    };

    /// <summary>Gives container <paramref name="container"/> (null: the target app's) the probe <paramref name="probe"/> of <paramref name="kind"/> (replacing the manifest's).</summary>
    public void SetProbe(ProbeKind kind, V1Probe? probe, string? container = null)
    {
        EnsureNotDeployed();
        var target = ContainerNamed(container);
        switch (kind)
        {
            case ProbeKind.Liveness:
                target.LivenessProbe = probe;
                break;
            case ProbeKind.Readiness:
                target.ReadinessProbe = probe;
                break;
            default:
                target.StartupProbe = probe;
                break;
        }
    }

    /// <summary>Sets the pod's <c>terminationGracePeriodSeconds</c>.</summary>
    public void SetPodGracePeriod(long seconds)
    {
        EnsureNotDeployed();
        _workload.Deployment.Spec.Template.Spec.TerminationGracePeriodSeconds = seconds;
    }

    /// <summary>Sets the pod's <c>restartPolicy</c>; a Deployment allows only Always (the API server rejects OnFailure and Never there).</summary>
    public void SetRestartPolicy(string policy)
    {
        EnsureNotDeployed();
        _workload.Deployment.Spec.Template.Spec.RestartPolicy = policy switch
        {
            "Always" => policy,
            "OnFailure" or "Never" => throw new ScenarioInputException(
                $"restartPolicy {policy} is not allowed for a Deployment's pods (the API server accepts only Always); the harness deploys a Deployment."),
            _ => throw new ScenarioInputException($"restart policy '{policy}' is not one of Always, OnFailure, Never."),
        };
    }

    /// <summary>Sets an environment variable of container <paramref name="container"/> (null: the target app's), replacing the manifest's value.</summary>
    public void SetEnvironment(string name, string value, string? container = null)
    {
        EnsureNotDeployed();
        var target = ContainerNamed(container);
        target.Env ??= [];
        if (target.Env.FirstOrDefault(e => e.Name == name) is { } existing)
        {
            existing.Value = value;
            existing.ValueFrom = null;
        }
        else
        {
            target.Env.Add(new V1EnvVar { Name = name, Value = value });
        }
    }

    /// <summary>Makes injected faults survive container restarts: <c>FAULT_STATE_DIR</c> on an emptyDir volume (which outlives the container, not the pod).</summary>
    public void KeepFaultsOverRestarts()
    {
        EnsureNotDeployed();
        var pod = _workload.Deployment.Spec.Template.Spec;
        pod.Volumes ??= [];
        if (pod.Volumes.All(v => v.Name != "fault-state"))
        {
            pod.Volumes.Add(new V1Volume { Name = "fault-state", EmptyDir = new V1EmptyDirVolumeSource() });
        }

        Container.VolumeMounts ??= [];
        if (Container.VolumeMounts.All(m => m.Name != "fault-state"))
        {
            Container.VolumeMounts.Add(new V1VolumeMount { Name = "fault-state", MountPath = FaultStateDirectory });
        }

        SetEnvironment("FAULT_STATE_DIR", FaultStateDirectory);
    }

    /// <summary>Makes the Service publish not-ready addresses (<c>publishNotReadyAddresses: true</c>).</summary>
    public void PublishNotReadyAddresses()
    {
        EnsureNotDeployed();
        _workload.Service.Spec.PublishNotReadyAddresses = true;
    }

    /// <summary>The probes as configured, with Kubernetes defaults filled in, for the scenario record.</summary>
    public IEnumerable<ProbeSettings> ProbeSettings() =>
        Enum.GetValues<ProbeKind>()
            .Where(kind => Probe(kind) is not null)
            .Select(kind => ProbeDescription.Settings(kind, Probe(kind)!));

    private void EnsureNotDeployed()
    {
        if (_deployed)
        {
            throw new ScenarioInputException("the workload is already deployed; settings must come before 'the target app is deployed'.");
        }
    }
}
