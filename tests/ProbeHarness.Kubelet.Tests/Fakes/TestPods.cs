using k8s.Models;

namespace ProbeHarness.Kubelet.Tests.Fakes;

/// <summary>Small builders for the pods and probes the tests use.</summary>
public static class TestPods
{
    /// <summary>Pod web-0 in namespace default with uid uid-1.</summary>
    public static V1Pod Pod(params V1Container[] containers) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta { Name = "web-0", NamespaceProperty = "default", Uid = "uid-1", Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new V1PodSpec { Containers = containers.ToList() },
    };

    /// <summary>A container with the given probes and a named http port 8080.</summary>
    public static V1Container Container(string name = "app", V1Probe? liveness = null, V1Probe? readiness = null, V1Probe? startup = null) => new()
    {
        Name = name,
        Image = "probe-target:dev",
        Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }],
        LivenessProbe = liveness,
        ReadinessProbe = readiness,
        StartupProbe = startup,
    };

    /// <summary>An HTTP GET probe on <paramref name="path"/> (port 8080); unset fields stay unset so defaults apply.</summary>
    public static V1Probe Http(
        string path,
        int? period = null,
        int? timeout = null,
        int? failureThreshold = null,
        int? successThreshold = null,
        int? initialDelay = null,
        long? terminationGracePeriodSeconds = null) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = 8080 },
        PeriodSeconds = period,
        TimeoutSeconds = timeout,
        FailureThreshold = failureThreshold,
        SuccessThreshold = successThreshold,
        InitialDelaySeconds = initialDelay,
        TerminationGracePeriodSeconds = terminationGracePeriodSeconds,
    };

    /// <summary>An exec probe running <paramref name="command"/>.</summary>
    public static V1Probe Exec(string command, int? period = null, int? timeout = null, int? failureThreshold = null) => new()
    {
        Exec = new V1ExecAction { Command = [command] },
        PeriodSeconds = period,
        TimeoutSeconds = timeout,
        FailureThreshold = failureThreshold,
    };
}
