using k8s.Models;
using ProbeHarness.Cluster;

namespace ProbeHarness.Emulated.Tests.Support;

/// <summary>A light workload: busybox running a shell script, with a Service on port 80.</summary>
internal static class BusyboxWorkload
{
    public static Workload Create(string script, V1Probe? readiness = null, int replicas = 1)
    {
        var labels = new Dictionary<string, string> { ["app"] = "box" };
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "box" },
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec
                    {
                        TerminationGracePeriodSeconds = 2,
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "box",
                                Image = "busybox:1.36",
                                Command = ["sh", "-c", script],
                                Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }],
                                ReadinessProbe = readiness,
                            },
                        ],
                    },
                },
            },
        };
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "box" },
            Spec = new V1ServiceSpec { Selector = labels, Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "http" }] },
        };
        return new Workload(deployment, service);
    }
}
