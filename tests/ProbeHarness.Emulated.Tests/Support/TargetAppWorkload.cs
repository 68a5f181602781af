using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Manifests;

namespace ProbeHarness.Emulated.Tests.Support;

/// <summary>The default target-app workload with short probe periods, for end-to-end tests.</summary>
internal static class TargetAppWorkload
{
    /// <summary>The default manifest with <paramref name="replicas"/>, no probes and a 5 s grace period; callers add the probes they test.</summary>
    public static Workload Create(int replicas = 1)
    {
        var workload = WorkloadManifest.LoadDefault();
        workload.Deployment.Spec.Replicas = replicas;
        workload.Deployment.Spec.Template.Spec.TerminationGracePeriodSeconds = 5;
        var container = Container(workload);
        container.LivenessProbe = null;
        container.ReadinessProbe = null;
        container.StartupProbe = null;
        return workload;
    }

    /// <summary>The target-app container.</summary>
    public static V1Container Container(Workload workload) => workload.Deployment.Spec.Template.Spec.Containers[0];

    /// <summary>An HTTP GET probe on port 8080.</summary>
    public static V1Probe HttpProbe(string path, int periodSeconds, int failureThreshold, int initialDelaySeconds = 0) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = 8080 },
        PeriodSeconds = periodSeconds,
        FailureThreshold = failureThreshold,
        InitialDelaySeconds = initialDelaySeconds,
        TimeoutSeconds = 1,
    };
}
