using ProbeHarness.Cluster.Backends;

namespace ProbeHarness.Cluster.Tests.Backends;

public sealed class BackendOptionsTests
{
    private static BackendOptions Read(params (string Name, string? Value)[] variables) =>
        BackendOptions.FromEnvironment(variables.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void Defaults_to_auto_with_the_pinned_k3s_image_and_the_home_kubeconfig()
    {
        // Given no harness variables, only a home folder
        // When the options are read
        var options = Read(("HOME", "/home/tester"));

        // Then auto is chosen, the pinned image is used and ~/.kube/config is the kubeconfig
        Assert.Null(options.Requested);
        Assert.Equal(BackendOptions.DefaultK3sImage, options.K3sImage);
        Assert.Matches(@"^rancher/k3s:v1\.3\d\.\d+-k3s1$", options.K3sImage);
        Assert.Equal("/home/tester/.kube/config", options.KubeconfigPath);
        Assert.Equal("~/.kube/config", options.KubeconfigSource);
        Assert.Null(options.KubeContext);
        Assert.Null(options.TargetImage);
        Assert.False(options.KeepOnFailure);
        Assert.Null(options.DockerHost);
        Assert.Equal(TimeSpan.FromSeconds(180), options.K3sBootTimeout);
    }

    [Theory]
    [InlineData("auto", null)]
    [InlineData("AUTO", null)]
    [InlineData("k3s", BackendKind.K3s)]
    [InlineData("kubeconfig", BackendKind.Kubeconfig)]
    [InlineData(" Emulated ", BackendKind.Emulated)]
    [InlineData("", null)]
    public void Reads_the_backend_name(string value, BackendKind? expected)
    {
        // Given HARNESS_BACKEND set to a known name (any case, spaces trimmed)
        // When the options are read
        var options = Read(("HARNESS_BACKEND", value), ("HOME", "/h"));

        // Then the backend is the one named
        Assert.Equal(expected, options.Requested);
    }

    [Fact]
    public void An_unknown_backend_name_fails_listing_the_allowed_values()
    {
        // Given HARNESS_BACKEND=kind
        // When the options are read
        var error = Assert.Throws<BackendOptionsException>(() => Read(("HARNESS_BACKEND", "kind"), ("HOME", "/h")));

        // Then the message names the variable, the value and every allowed value
        Assert.Equal("HARNESS_BACKEND='kind' is not a backend; use one of: auto, k3s, kubeconfig, emulated.", error.Message);
    }

    [Fact]
    public void HARNESS_KUBECONFIG_wins_over_KUBECONFIG()
    {
        // Given both kubeconfig variables
        // When the options are read
        var options = Read(("HARNESS_KUBECONFIG", "/etc/harness.yaml"), ("KUBECONFIG", "/etc/other.yaml"), ("HOME", "/h"));

        // Then the harness's own variable is used and named as the source
        Assert.Equal("/etc/harness.yaml", options.KubeconfigPath);
        Assert.Equal("HARNESS_KUBECONFIG", options.KubeconfigSource);
    }

    [Fact]
    public void KUBECONFIG_with_several_files_uses_the_first()
    {
        // Given a KUBECONFIG list as kubectl accepts it
        var list = string.Join(Path.PathSeparator, "~/kind.yaml", "/etc/second.yaml");

        // When the options are read
        var options = Read(("KUBECONFIG", list), ("HOME", "/home/tester"));

        // Then the first file is used, with ~ expanded
        Assert.Equal("/home/tester/kind.yaml", options.KubeconfigPath);
        Assert.Equal("KUBECONFIG", options.KubeconfigSource);
    }

    [Fact]
    public void Reads_context_images_docker_and_timeout()
    {
        // Given every other variable set
        // When the options are read
        var options = Read(
            ("HARNESS_KUBE_CONTEXT", "kind-probes"),
            ("HARNESS_K3S_IMAGE", "rancher/k3s:v1.34.8-k3s1"),
            ("HARNESS_TARGET_IMAGE", "probe-harness/target-app:dev"),
            ("HARNESS_KEEP_ON_FAILURE", "yes"),
            ("HARNESS_K3S_BOOT_TIMEOUT", "300"),
            ("DOCKER_HOST", "tcp://127.0.0.1:2375"),
            ("DOCKER_API_VERSION", "1.43"),
            ("HOME", "/h"));

        // Then each lands in its option
        Assert.Equal("kind-probes", options.KubeContext);
        Assert.Equal("rancher/k3s:v1.34.8-k3s1", options.K3sImage);
        Assert.Equal("probe-harness/target-app:dev", options.TargetImage);
        Assert.True(options.KeepOnFailure);
        Assert.Equal(TimeSpan.FromSeconds(300), options.K3sBootTimeout);
        Assert.Equal("tcp://127.0.0.1:2375", options.DockerHost);
        Assert.Equal("1.43", options.DockerApiVersion);
    }

    [Theory]
    [InlineData("HARNESS_KEEP_ON_FAILURE", "maybe", "HARNESS_KEEP_ON_FAILURE='maybe' is not a flag")]
    [InlineData("HARNESS_K3S_BOOT_TIMEOUT", "3m", "HARNESS_K3S_BOOT_TIMEOUT='3m' is not a number of seconds")]
    [InlineData("HARNESS_K3S_BOOT_TIMEOUT", "0", "HARNESS_K3S_BOOT_TIMEOUT='0' is not a number of seconds")]
    [InlineData("DOCKER_API_VERSION", "v1.43", "DOCKER_API_VERSION='v1.43' is not a Docker API version")]
    [InlineData("DOCKER_API_VERSION", "1.43.1", "DOCKER_API_VERSION='1.43.1' is not a Docker API version")]
    [InlineData("HARNESS_EMULATED_KUBELET_VERSION", "v1.2", "HARNESS_EMULATED_KUBELET_VERSION='v1.2' is not an emulated kubelet version; use exactly one of: v1.20, v1.32.")]
    [InlineData("HARNESS_EMULATED_KUBELET_VERSION", "v1.20.5", "HARNESS_EMULATED_KUBELET_VERSION='v1.20.5' is not an emulated kubelet version")]
    [InlineData("HARNESS_EMULATED_KUBELET_VERSION", "1.32", "HARNESS_EMULATED_KUBELET_VERSION='1.32' is not an emulated kubelet version")]
    [InlineData("HARNESS_EMULATED_KUBELET_VERSION", "v1.320", "HARNESS_EMULATED_KUBELET_VERSION='v1.320' is not an emulated kubelet version")]
    [InlineData("HARNESS_MAX_REPLICAS", "0", "HARNESS_MAX_REPLICAS='0' is not a replica cap; use a whole number from 1 to 1000 (default 10).")]
    [InlineData("HARNESS_MAX_REPLICAS", "99999999999", "HARNESS_MAX_REPLICAS='99999999999' is not a replica cap")]
    [InlineData("HARNESS_MAX_REPLICAS", "-3", "HARNESS_MAX_REPLICAS='-3' is not a replica cap")]
    public void Bad_values_fail_naming_the_variable(string name, string value, string expectedStart)
    {
        // Given a variable with a value the harness cannot use
        // When the options are read
        var error = Assert.Throws<BackendOptionsException>(() => Read((name, value), ("HOME", "/h")));

        // Then the message names the variable and its value
        Assert.StartsWith(expectedStart, error.Message);
    }

    [Theory]
    [InlineData(null, "v1.32", 10)]
    [InlineData("v1.20", "v1.20", 10)]
    [InlineData("v1.32", "v1.32", 10)]
    public void The_emulated_kubelet_version_is_one_of_the_two_profiles(string? version, string expected, int replicas)
    {
        // Given / When
        var options = Read(("HARNESS_EMULATED_KUBELET_VERSION", version), ("HOME", "/h"));

        // Then
        Assert.Equal(expected, options.EmulatedKubeletVersion);
        Assert.Equal(replicas, options.MaxReplicas);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("/tmp/kubelet.log", "/tmp/kubelet.log")]
    [InlineData("none", "")]
    [InlineData("NONE", "")]
    public void The_emulated_kubelet_log_is_a_path_the_default_or_none(string? value, string? expected)
    {
        // Given / When
        var options = Read(("HARNESS_EMULATED_KUBELET_LOG", value), ("HOME", "/h"));

        // Then null means the default artifacts/emulated-kubelet.log, empty means no log
        Assert.Equal(expected, options.EmulatedKubeletLog);
    }

    [Fact]
    public void The_replica_cap_can_be_raised()
    {
        // Given / When
        var options = Read(("HARNESS_MAX_REPLICAS", "25"), ("HOME", "/h"));

        // Then
        Assert.Equal(25, options.MaxReplicas);
    }

    [Fact]
    public void The_lookup_overload_reads_through_the_function()
    {
        // Given a lookup function rather than a dictionary
        var asked = new List<string>();
        string? Lookup(string name)
        {
            asked.Add(name);
            return name == "HARNESS_BACKEND" ? "emulated" : name == "HOME" ? "/h" : null;
        }

        // When the options are read
        var options = BackendOptions.FromEnvironment(Lookup);

        // Then the backend comes from the function and each documented variable was asked for
        Assert.Equal(BackendKind.Emulated, options.Requested);
        Assert.Contains("HARNESS_BACKEND", asked);
        Assert.Contains("HARNESS_KUBECONFIG", asked);
        Assert.Contains("KUBECONFIG", asked);
        Assert.Contains("HARNESS_TARGET_IMAGE", asked);
        Assert.Contains("HARNESS_TARGET_BUILD_ARGS", asked);
        Assert.Contains("HARNESS_KEEP_ON_FAILURE", asked);
    }

    [Fact]
    public void Reads_the_target_build_arguments()
    {
        // Given HARNESS_TARGET_BUILD_ARGS with two pairs, spaces around them and a trailing comma
        // When the options are read
        var options = Read(("HARNESS_TARGET_BUILD_ARGS", " SDK_IMAGE=probe-harness/dotnet-sdk:10.0 , RUNTIME_IMAGE=probe-harness/aspnet:10.0,READY_TO_RUN=,"), ("HOME", "/h"));

        // Then each name maps to its value, an empty value included
        Assert.Equal(3, options.TargetBuildArgs.Count);
        Assert.Equal("probe-harness/dotnet-sdk:10.0", options.TargetBuildArgs["SDK_IMAGE"]);
        Assert.Equal("probe-harness/aspnet:10.0", options.TargetBuildArgs["RUNTIME_IMAGE"]);
        Assert.Equal(string.Empty, options.TargetBuildArgs["READY_TO_RUN"]);
    }

    [Fact]
    public void Reads_the_local_images_to_load_and_refuses_a_malformed_list()
    {
        // Given HARNESS_LOAD_IMAGES with spaces, a repeat and a trailing comma, and one with a space inside a name
        var options = Read(("HARNESS_LOAD_IMAGES", " example/own-app:dev , my-worker:1,example/own-app:dev,"), ("HOME", "/h"));
        var error = Assert.Throws<BackendOptionsException>(() => Read(("HARNESS_LOAD_IMAGES", "my app:dev"), ("HOME", "/h")));

        // Then each image once, in order; the bad one is named
        Assert.Equal(["example/own-app:dev", "my-worker:1"], options.LoadImages);
        Assert.Contains("HARNESS_LOAD_IMAGES='my app:dev': 'my app:dev' is not an image reference", error.Message);
        Assert.Empty(Read(("HOME", "/h")).LoadImages);
    }

    [Fact]
    public void No_target_build_arguments_by_default()
    {
        // Given no HARNESS_TARGET_BUILD_ARGS
        // When the options are read
        var options = Read(("HOME", "/h"));

        // Then the Dockerfile's own defaults apply
        Assert.Empty(options.TargetBuildArgs);
    }

    [Theory]
    [InlineData("SDK_IMAGE", "'SDK_IMAGE' is not a build argument (no '=')")]
    [InlineData("=x", "'=x' is not a build argument ('' is not an ARG name")]
    [InlineData("SDK-IMAGE=x", "'SDK-IMAGE=x' is not a build argument ('SDK-IMAGE' is not an ARG name")]
    [InlineData("1SDK=x", "'1SDK=x' is not a build argument ('1SDK' is not an ARG name")]
    [InlineData("SDK_IMAGE=a,SDK_IMAGE=b", "sets SDK_IMAGE twice")]
    public void Bad_target_build_arguments_fail_naming_the_variable_and_the_entry(string value, string expected)
    {
        // Given HARNESS_TARGET_BUILD_ARGS holding a malformed entry
        // When the options are read
        var error = Assert.Throws<BackendOptionsException>(() => Read(("HARNESS_TARGET_BUILD_ARGS", value), ("HOME", "/h")));

        // Then the message names the variable, its value, what is wrong and the expected form
        Assert.StartsWith($"HARNESS_TARGET_BUILD_ARGS='{value}'", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Contains("use NAME=value pairs separated by commas", error.Message);
    }
}
