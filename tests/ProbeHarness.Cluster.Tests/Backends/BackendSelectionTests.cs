using ProbeHarness.Cluster.Backends;

namespace ProbeHarness.Cluster.Tests.Backends;

public sealed class BackendSelectionTests
{
    private const string Socket = "unix:///var/run/docker.sock";
    private const string Image = "rancher/k3s:v1.35.3-k3s1";

    private static BackendOptions Options(string? backend, string? context = null) => BackendOptions.FromEnvironment(
        new Dictionary<string, string?>
        {
            ["HARNESS_BACKEND"] = backend,
            ["HARNESS_KUBE_CONTEXT"] = context,
            ["HARNESS_KUBECONFIG"] = "/etc/kind.yaml",
            ["HOME"] = "/h",
        });

    [Fact]
    public void Auto_picks_k3s_when_docker_answered_and_the_image_is_present()
    {
        // Given auto and a Docker that has the K3s image
        var availability = K3sAvailabilityReport.ImagePresent(Socket, Image);

        // When the backend is chosen
        var choice = BackendSelection.Choose(Options("auto"), availability);

        // Then k3s is chosen and the reason says why
        Assert.Equal(BackendKind.K3s, choice.Kind);
        Assert.Equal($"auto: Docker answered at {Socket} and {Image} is present → k3s", choice.Reason);
    }

    [Fact]
    public void Auto_picks_k3s_when_the_image_can_be_pulled()
    {
        // Given auto and a Docker that can pull the image
        var availability = K3sAvailabilityReport.ImagePullable(Socket, Image);

        // When the backend is chosen
        var choice = BackendSelection.Choose(Options(null), availability);

        // Then k3s is chosen and the reason warns of the pull
        Assert.Equal(BackendKind.K3s, choice.Kind);
        Assert.Contains("pullable (the first run pulls it) → k3s", choice.Reason);
    }

    [Fact]
    public void Auto_falls_back_to_emulated_without_docker()
    {
        // Given auto and no Docker engine
        var availability = K3sAvailabilityReport.NoDocker(Socket, Image, "connection refused");

        // When the backend is chosen
        var choice = BackendSelection.Choose(Options("auto"), availability);

        // Then emulated is chosen and the reason names the endpoint
        Assert.Equal(BackendKind.Emulated, choice.Kind);
        Assert.Equal($"auto: no Docker engine at {Socket} (connection refused) → emulated", choice.Reason);
    }

    [Fact]
    public void Auto_falls_back_to_emulated_when_the_image_cannot_be_had()
    {
        // Given auto and a Docker without the image or a registry
        var availability = K3sAvailabilityReport.ImageUnavailable(Socket, Image, "registry unreachable");

        // When the backend is chosen
        var choice = BackendSelection.Choose(Options("auto"), availability);

        // Then emulated is chosen and the reason says what was missing
        Assert.Equal(BackendKind.Emulated, choice.Kind);
        Assert.Contains($"{Image} is not present and cannot be pulled (registry unreachable) → emulated", choice.Reason);
    }

    [Fact]
    public void Explicit_k3s_without_docker_fails_instead_of_falling_back()
    {
        // Given HARNESS_BACKEND=k3s and no Docker engine
        var availability = K3sAvailabilityReport.NoDocker(Socket, Image, "no such file");

        // When the backend is chosen
        var error = Assert.Throws<ClusterUnavailableException>(() => BackendSelection.Choose(Options("k3s"), availability));

        // Then it fails, naming what is missing and how to go on
        Assert.StartsWith($"HARNESS_BACKEND=k3s but no Docker engine at {Socket} (no such file).", error.Message);
        Assert.Contains("DOCKER_HOST", error.Message);
        Assert.Contains("HARNESS_BACKEND=emulated", error.Message);
    }

    [Fact]
    public void Explicit_k3s_with_docker_is_chosen()
    {
        // Given HARNESS_BACKEND=k3s and a Docker with the image
        // When the backend is chosen
        var choice = BackendSelection.Choose(Options("k3s"), K3sAvailabilityReport.ImagePresent(Socket, Image));

        // Then k3s is chosen
        Assert.Equal(BackendKind.K3s, choice.Kind);
        Assert.StartsWith("HARNESS_BACKEND=k3s: Docker answered", choice.Reason);
    }

    [Fact]
    public void Kubeconfig_and_emulated_need_no_docker_check()
    {
        // Given the two backends that do not use Docker
        // When they are chosen without an availability report
        var kubeconfig = BackendSelection.Choose(Options("kubeconfig", "kind-probes"), null);
        var emulated = BackendSelection.Choose(Options("emulated"), null);

        // Then each is chosen as named, and the kubeconfig reason names file and context
        Assert.False(BackendSelection.NeedsK3sAvailability(Options("kubeconfig")));
        Assert.True(BackendSelection.NeedsK3sAvailability(Options("auto")));
        Assert.Equal(BackendKind.Kubeconfig, kubeconfig.Kind);
        Assert.Equal("HARNESS_BACKEND=kubeconfig → kubeconfig (/etc/kind.yaml from HARNESS_KUBECONFIG, context kind-probes)", kubeconfig.Reason);
        Assert.Equal(BackendKind.Emulated, emulated.Kind);
        Assert.Equal("HARNESS_BACKEND=emulated → emulated", emulated.Reason);
    }

    [Fact]
    public void Auto_without_an_availability_report_is_a_programming_error()
    {
        // Given auto and no report
        // When the backend is chosen
        var error = Assert.Throws<ArgumentNullException>(() => BackendSelection.Choose(Options("auto"), null));

        // Then the message says which call was skipped
        Assert.Contains("K3sAvailability.CheckAsync", error.Message);
    }
}
