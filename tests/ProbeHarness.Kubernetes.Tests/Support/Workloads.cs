using k8s.Models;
using ProbeHarness.Cluster;

namespace ProbeHarness.Kubernetes.Tests.Support;

/// <summary>A small target app workload as features build it.</summary>
public static class Workloads
{
    public static Workload TargetApp(string image = "probe-harness/target-app") => new(
        new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = "target-app", NamespaceProperty = "default" },
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "target-app" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "target-app" } },
                    Spec = new V1PodSpec
                    {
                        InitContainers = [new V1Container { Name = "wait", Image = "busybox:1.36", ImagePullPolicy = "Always" }],
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "app",
                                Image = image,
                                Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }],
                                LivenessProbe = new V1Probe
                                {
                                    HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = 8080 },
                                    PeriodSeconds = 10,
                                    FailureThreshold = 3,
                                },
                            },
                        ],
                    },
                },
            },
        },
        new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta { Name = "target-app" },
            Spec = new V1ServiceSpec
            {
                Selector = new Dictionary<string, string> { ["app"] = "target-app" },
                Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = 8080 }],
            },
        });
}
