using k8s.Models;
using ProbeHarness.Cluster.Manifests;

namespace ProbeHarness.Cluster.Tests.Manifests;

public sealed class WorkloadManifestTests : IDisposable
{
    private const string ValidDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
        spec:
          selector:
            matchLabels:
              app: app
          template:
            metadata:
              labels:
                app: app
            spec:
              containers:
                - name: app
                  image: app:1
        """;

    private const string ValidService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: app
        spec:
          ports:
            - port: 80
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("manifest-test-");

    [Fact]
    public void The_default_manifest_holds_the_articles_deployment_and_its_service()
    {
        // Given
        var path = WorkloadManifest.DefaultPath;

        // When
        var workload = WorkloadManifest.LoadDefault();

        // Then
        Assert.EndsWith(Path.Combine("manifests", "target-app.yaml"), path);
        var deployment = workload.Deployment;
        Assert.Equal("target-app", deployment.Metadata.Name);
        Assert.Equal(1, deployment.Spec.Replicas);
        Assert.Equal("target-app", deployment.Spec.Selector.MatchLabels["app"]);
        Assert.Equal("target-app", deployment.Spec.Template.Metadata.Labels["app"]);
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        Assert.Equal("target-app", container.Name);
        Assert.Equal("probe-harness/target-app:dev", container.Image);
        Assert.Equal("IfNotPresent", container.ImagePullPolicy);
        Assert.Equal(
            [("http", 8080), ("tcp", 8081), ("grpc", 9090)],
            container.Ports.Select(port => (port.Name, port.ContainerPort)));
        AssertHttpProbe(container.LivenessProbe, "/healthz", initialDelay: 5, period: 10, failureThreshold: null);
        AssertHttpProbe(container.ReadinessProbe, "/readyz", initialDelay: 5, period: 10, failureThreshold: null);
        AssertHttpProbe(container.StartupProbe, "/healthz", initialDelay: null, period: 10, failureThreshold: 30);
        var env = container.Env.ToDictionary(variable => variable.Name);
        Assert.Equal("true", env["FAULTS_ENABLED"].Value);
        Assert.Equal("/tmp/healthy", env["HEALTH_FILE"].Value);
        Assert.Equal("metadata.name", env["POD_NAME"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("status.podIP", env["POD_IP"].ValueFrom.FieldRef.FieldPath);
        var service = workload.Service;
        Assert.Equal("target-app", service.Metadata.Name);
        Assert.Equal("target-app", service.Spec.Selector["app"]);
        var servicePort = Assert.Single(service.Spec.Ports);
        Assert.Equal(("http", 80, "8080"), (servicePort.Name, servicePort.Port, servicePort.TargetPort.Value));
    }

    [Fact]
    public void Each_load_is_an_independent_deep_copy()
    {
        // Given
        var first = WorkloadManifest.LoadDefault();

        // When
        first.Deployment.Spec.Template.Spec.Containers[0].LivenessProbe.PeriodSeconds = 1;
        first.Deployment.Spec.Template.Spec.Containers[0].Env.Clear();
        first.Service.Spec.Ports[0].Port = 81;
        var second = WorkloadManifest.LoadDefault();

        // Then
        Assert.Equal(10, second.Deployment.Spec.Template.Spec.Containers[0].LivenessProbe.PeriodSeconds);
        Assert.NotEmpty(second.Deployment.Spec.Template.Spec.Containers[0].Env);
        Assert.Equal(80, second.Service.Spec.Ports[0].Port);
    }

    [Fact]
    public void Malformed_yaml_names_the_file_and_the_line()
    {
        // Given
        var path = Write("broken.yaml", ValidService + "\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: [unclosed\n");

        // When
        var error = Assert.Throws<ManifestException>(() => WorkloadManifest.LoadFile(path));

        // Then
        Assert.Equal(path, error.File);
        Assert.NotNull(error.Line);
        Assert.InRange(error.Line!.Value, 12, 14);
        Assert.StartsWith($"{path}: line {error.Line}", error.Message);
    }

    [Fact]
    public void A_misspelt_field_names_the_file_and_its_line()
    {
        // Given
        var yaml = ValidService + "\n---\n" + ValidDeployment.Replace("image: app:1", "image: app:1\n      initialDelaySecond: 5", StringComparison.Ordinal);
        var path = Write("typo.yaml", yaml);

        // When
        var error = Assert.Throws<ManifestException>(() => WorkloadManifest.LoadFile(path));

        // Then
        var typoLine = yaml.Split('\n').ToList().FindIndex(line => line.Contains("initialDelaySecond", StringComparison.Ordinal)) + 1;
        Assert.Equal(typoLine, error.Line);
        Assert.Contains("initialDelaySecond", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_missing_service_names_the_file_and_what_is_missing()
    {
        // Given
        var path = Write("no-service.yaml", ValidDeployment);

        // When
        var error = Assert.Throws<ManifestException>(() => WorkloadManifest.LoadFile(path));

        // Then
        Assert.StartsWith($"{path}: no Service", error.Message);
        Assert.Contains("Deployment app (line 1)", error.Message);
    }

    [Fact]
    public void A_missing_deployment_names_the_file_and_what_is_missing()
    {
        // Given
        var path = Write("no-deployment.yaml", ValidService);

        // When
        var error = Assert.Throws<ManifestException>(() => WorkloadManifest.LoadFile(path));

        // Then
        Assert.StartsWith($"{path}: no Deployment", error.Message);
    }

    [Fact]
    public void An_unknown_kind_is_named_with_its_line()
    {
        // Given
        var yaml = ValidDeployment + "\n---\n" + ValidService + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n";
        var path = Write("extra.yaml", yaml);

        // When
        var error = Assert.Throws<ManifestException>(() => WorkloadManifest.LoadFile(path));

        // Then
        var documentLine = yaml.Split('\n').ToList().IndexOf("kind: ConfigMap"); // the apiVersion line just above it, one-based
        Assert.Contains("kind 'ConfigMap'", error.Message);
        Assert.Equal(documentLine, error.Line);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        // Given
        var path = Path.Combine(_directory.FullName, "absent.yaml");

        // When
        var error = Assert.Throws<ManifestException>(() => WorkloadManifest.LoadFile(path));

        // Then
        Assert.StartsWith($"{path}: cannot read the manifest", error.Message);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static void AssertHttpProbe(V1Probe probe, string path, int? initialDelay, int period, int? failureThreshold)
    {
        Assert.Equal(path, probe.HttpGet.Path);
        Assert.Equal("8080", probe.HttpGet.Port.Value);
        Assert.Equal(initialDelay, probe.InitialDelaySeconds);
        Assert.Equal(period, probe.PeriodSeconds);
        Assert.Equal(failureThreshold, probe.FailureThreshold);
    }
}
