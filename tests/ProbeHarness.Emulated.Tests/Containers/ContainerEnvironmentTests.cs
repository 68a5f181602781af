using k8s.Models;
using ProbeHarness.Emulated.Containers;
using ProbeHarness.Emulated.Images;

namespace ProbeHarness.Emulated.Tests.Containers;

public sealed class ContainerEnvironmentTests
{
    private static readonly ContainerPathMap Paths = new([KeyValuePair.Create("/tmp", "/pods/p/containers/app/0/tmp")]);

    [Fact]
    public void Downward_api_fields_resolve_from_the_pod()
    {
        // Given
        var pod = Pod(
            Field("POD_NAME", "metadata.name"),
            Field("POD_NAMESPACE", "metadata.namespace"),
            Field("POD_UID", "metadata.uid"),
            Field("POD_IP", "status.podIP"),
            Field("NODE", "spec.nodeName"),
            Field("APP", "metadata.labels['app']"));

        // When
        var env = Build(pod);

        // Then
        Assert.Equal("web-abc", env.Variables["POD_NAME"]);
        Assert.Equal("ns1", env.Variables["POD_NAMESPACE"]);
        Assert.Equal("uid-1", env.Variables["POD_UID"]);
        Assert.Equal("127.20.0.7", env.Variables["POD_IP"]);
        Assert.Equal("emulated", env.Variables["NODE"]);
        Assert.Equal("web", env.Variables["APP"]);
    }

    [Fact]
    public void Values_expand_earlier_variables_and_container_env_overrides_the_image()
    {
        // Given
        var pod = Pod(
            new V1EnvVar { Name = "BASE", Value = "/tmp/base" },
            new V1EnvVar { Name = "FILE", Value = "$(BASE)/healthy" },
            new V1EnvVar { Name = "LATER", Value = "$(NEXT)" },
            new V1EnvVar { Name = "NEXT", Value = "x" },
            new V1EnvVar { Name = "FROM_IMAGE", Value = "container" });

        // When
        var env = Build(pod, imageEnv: new Dictionary<string, string> { ["FROM_IMAGE"] = "image", ["IMAGE_ONLY"] = "/tmp/i" });

        // Then: paths are mapped to the instance's private /tmp; a forward reference stays unexpanded.
        Assert.Equal("/pods/p/containers/app/0/tmp/base/healthy", env.Variables["FILE"]);
        Assert.Equal("$(NEXT)", env.Variables["LATER"]);
        Assert.Equal("container", env.Variables["FROM_IMAGE"]);
        Assert.Equal("/pods/p/containers/app/0/tmp/i", env.Variables["IMAGE_ONLY"]);
    }

    [Fact]
    public void Bind_address_is_always_the_pod_ip()
    {
        // Given: the user asks for every interface.
        var pod = Pod(new V1EnvVar { Name = "BIND_ADDRESS", Value = "0.0.0.0" });

        // When
        var env = Build(pod);

        // Then: a container is reachable only on its own pod IP.
        Assert.Equal("127.20.0.7", env.Variables[ContainerEnvironment.BindAddressVariable]);
    }

    [Fact]
    public void Runtime_variables_are_host_paths_and_stay_as_they_are()
    {
        // Given: the runtime's TMPDIR is a host path that itself lies under /tmp.
        var pod = Pod();

        // When
        var env = ContainerEnvironment.Build(pod, pod.Spec.Containers[0], 0, "127.20.0.7",
            new ResolvedImage("img", [], [], new Dictionary<string, string>(), null),
            Paths, new Dictionary<string, string> { ["TMPDIR"] = "/tmp/run/pods/p/containers/app/0/tmp" });

        // Then
        Assert.Equal("/tmp/run/pods/p/containers/app/0/tmp", env.Variables["TMPDIR"]);
    }

    [Fact]
    public void Unsupported_source_names_its_field_path()
    {
        // Given
        var pod = Pod(
            new V1EnvVar { Name = "OK", Value = "1" },
            new V1EnvVar { Name = "SECRET", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "s", Key = "k" } } });

        // When
        var error = Assert.Throws<InvalidOperationException>(() => Build(pod));

        // Then
        Assert.StartsWith("spec.containers[0].env[1].valueFrom: secretKeyRef is not supported", error.Message, StringComparison.Ordinal);
    }

    private static ContainerEnvironment Build(V1Pod pod, Dictionary<string, string>? imageEnv = null) =>
        ContainerEnvironment.Build(pod, pod.Spec.Containers[0], 0, "127.20.0.7",
            new ResolvedImage("img", [], [], imageEnv ?? new Dictionary<string, string>(), null),
            Paths, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" });

    private static V1EnvVar Field(string name, string path) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = path } } };

    private static V1Pod Pod(params V1EnvVar[] env) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-abc", NamespaceProperty = "ns1", Uid = "uid-1", Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new V1PodSpec { NodeName = "emulated", Containers = [new V1Container { Name = "app", Image = "img", Env = [.. env] }] },
    };
}
