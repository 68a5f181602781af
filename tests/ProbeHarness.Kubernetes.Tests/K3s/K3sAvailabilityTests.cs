using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.K3s;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.K3s;

/// <summary>The availability check against no engine, a silent one, and a stub Docker Engine API on 127.0.0.1.</summary>
public sealed class K3sAvailabilityTests
{
    private const string Image = "rancher/k3s:v1.35.3-k3s1";

    private static BackendOptions Options(string dockerHost, string? apiVersion = null) => BackendOptions.FromEnvironment(
        new Dictionary<string, string?> { ["DOCKER_HOST"] = dockerHost, ["DOCKER_API_VERSION"] = apiVersion, ["HOME"] = "/h" });

    private static StubResponse DockerVersion(string version, string api) =>
        StubResponse.Json($$"""{"Version":"{{version}}","ApiVersion":"{{api}}","MinAPIVersion":"1.24","Os":"linux","Arch":"amd64"}""");

    [Fact]
    public async Task A_missing_socket_is_no_docker()
    {
        // Given DOCKER_HOST pointing at a socket that does not exist
        var socket = $"unix:///tmp/ph-no-docker-{Guid.NewGuid():N}.sock";

        // When availability is checked
        var report = await K3sAvailability.CheckAsync(Options(socket), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // Then K3s cannot run and the finding names the endpoint
        Assert.False(report.CanRunK3s);
        Assert.StartsWith($"no Docker engine at {socket} (", report.Finding);
    }

    [Fact]
    public async Task A_silent_engine_is_given_up_on_after_the_timeout()
    {
        // Given an endpoint that accepts connections and never answers
        using var silent = new SilentServer();

        // When availability is checked with a one-second timeout
        var report = await K3sAvailability.CheckAsync(Options($"tcp://127.0.0.1:{silent.Port}"), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        // Then the finding says nothing answered in time
        Assert.False(report.CanRunK3s);
        Assert.Equal($"no Docker engine at tcp://127.0.0.1:{silent.Port}/ (no answer within 1 s)", report.Finding);
    }

    [Fact]
    public async Task A_docker_host_that_is_not_a_uri_is_named()
    {
        // Given a malformed DOCKER_HOST
        // When availability is checked
        var report = await K3sAvailability.CheckAsync(Options("docker.sock"), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        // Then the finding quotes it
        Assert.Contains("DOCKER_HOST='docker.sock' is not a URI", report.Finding);
    }

    [Fact]
    public async Task An_engine_older_than_api_1_44_asks_for_DOCKER_API_VERSION()
    {
        // Given Docker 24 (API 1.43)
        await using var docker = await StubApiServer.StartAsync();
        docker.On("GET", "/version", DockerVersion("24.0.9", "1.43"));

        // When availability is checked
        var report = await K3sAvailability.CheckAsync(Options($"tcp://127.0.0.1:{docker.BaseAddress.Port}"), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // Then K3s cannot run as configured and the finding says what to set
        Assert.False(report.CanRunK3s);
        Assert.EndsWith("speaks API 1.43, older than the 1.44 Testcontainers requests; set DOCKER_API_VERSION=1.43", report.Finding);
    }

    [Fact]
    public async Task With_DOCKER_API_VERSION_set_an_old_engine_is_used()
    {
        // Given Docker 24 and DOCKER_API_VERSION=1.43, with the image present
        await using var docker = await StubApiServer.StartAsync();
        docker.On("GET", "/version", DockerVersion("24.0.9", "1.43"));
        docker.On("GET", $"/images/{Image}/json", StubResponse.Json("""{"Id":"sha256:aaaa","RepoTags":["rancher/k3s:v1.35.3-k3s1"]}"""));

        // When availability is checked
        var report = await K3sAvailability.CheckAsync(Options($"tcp://127.0.0.1:{docker.BaseAddress.Port}", "1.43"), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // Then K3s can run
        Assert.True(report.CanRunK3s, report.Finding);
    }

    [Fact]
    public async Task A_present_image_means_k3s_can_run()
    {
        // Given Docker 29 with the K3s image
        await using var docker = await StubApiServer.StartAsync();
        docker.On("GET", "/version", DockerVersion("29.0.1", "1.52"));
        docker.On("GET", $"/images/{Image}/json", StubResponse.Json("""{"Id":"sha256:aaaa","RepoTags":["rancher/k3s:v1.35.3-k3s1"]}"""));
        var endpoint = $"tcp://127.0.0.1:{docker.BaseAddress.Port}";

        // When availability is checked
        var report = await K3sAvailability.CheckAsync(Options(endpoint), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // Then the finding is the one the reason line uses
        Assert.Equal(K3sAvailabilityReport.ImagePresent($"{endpoint}/", Image), report);
    }

    [Fact]
    public async Task An_absent_image_is_pullable_when_the_registry_knows_it()
    {
        // Given Docker without the image, whose registry lookup succeeds
        await using var docker = await StubApiServer.StartAsync();
        docker.On("GET", "/version", DockerVersion("29.0.1", "1.52"));
        docker.On("GET", $"/images/{Image}/json", StubResponse.Json("""{"message":"No such image: rancher/k3s:v1.35.3-k3s1"}""", 404));
        docker.On("GET", $"/distribution/{Image}/json", StubResponse.Json("""{"Descriptor":{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:bbbb","size":1},"Platforms":[{"architecture":"amd64","os":"linux"}]}"""));

        // When availability is checked
        var report = await K3sAvailability.CheckAsync(Options($"tcp://127.0.0.1:{docker.BaseAddress.Port}"), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // Then K3s can run after a pull
        Assert.True(report.CanRunK3s);
        Assert.EndsWith("is not present but pullable (the first run pulls it)", report.Finding);
    }

    [Fact]
    public async Task An_absent_image_without_a_registry_means_no_k3s()
    {
        // Given Docker without the image and without a registry
        await using var docker = await StubApiServer.StartAsync();
        docker.On("GET", "/version", DockerVersion("29.0.1", "1.52"));
        docker.On("GET", $"/images/{Image}/json", StubResponse.Json("""{"message":"No such image"}""", 404));
        docker.On("GET", $"/distribution/{Image}/json", StubResponse.Json("""{"message":"Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io: no such host"}""", 500));

        // When availability is checked
        var report = await K3sAvailability.CheckAsync(Options($"tcp://127.0.0.1:{docker.BaseAddress.Port}"), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // Then the finding says the image cannot be had
        Assert.False(report.CanRunK3s);
        Assert.Contains($"{Image} is not present and cannot be pulled (", report.Finding);
    }

    [Fact]
    public async Task Rootless_docker_on_cgroup_v1_is_refused_with_the_way_out()
    {
        // Given rootless Docker on a cgroup v1 host, with the image present
        await using var docker = await StubApiServer.StartAsync();
        docker.On("GET", "/version", DockerVersion("29.0.1", "1.52"));
        docker.On("GET", "/info", StubResponse.Json("""{"CgroupVersion":"1","SecurityOptions":["name=seccomp,profile=builtin","name=rootless"]}"""));
        docker.On("GET", $"/images/{Image}/json", StubResponse.Json("""{"Id":"sha256:aaaa"}"""));

        // When availability is checked
        var report = await K3sAvailability.CheckAsync(Options($"tcp://127.0.0.1:{docker.BaseAddress.Port}"), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // Then K3s cannot run and the finding says why and what to do
        Assert.False(report.CanRunK3s);
        Assert.Contains("it is rootless Docker on a cgroup v1 host", report.Finding);
        Assert.Contains("use rootful Docker", report.Finding);
    }

    [Fact]
    public async Task Rootless_docker_on_cgroup_v2_may_run_k3s()
    {
        // Given rootless Docker on cgroup v2, with the image present
        await using var docker = await StubApiServer.StartAsync();
        docker.On("GET", "/version", DockerVersion("29.0.1", "1.52"));
        docker.On("GET", "/info", StubResponse.Json("""{"CgroupVersion":"2","SecurityOptions":["name=rootless","name=cgroupns"]}"""));
        docker.On("GET", $"/images/{Image}/json", StubResponse.Json("""{"Id":"sha256:aaaa"}"""));

        // When availability is checked
        var report = await K3sAvailability.CheckAsync(Options($"tcp://127.0.0.1:{docker.BaseAddress.Port}"), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // Then it is tried (a failed boot is explained by the boot diagnostics)
        Assert.True(report.CanRunK3s, report.Finding);
    }

    [Fact]
    public async Task A_missing_compat_image_names_the_script_that_builds_it()
    {
        // Given Docker without the compat image and without a registry
        const string compat = "probe-harness/k3s-compat:v1.20.2";
        await using var docker = await StubApiServer.StartAsync();
        docker.On("GET", "/version", DockerVersion("26.1.5", "1.45"));
        docker.On("GET", $"/images/{compat}/json", StubResponse.Json("""{"message":"No such image"}""", 404));
        docker.On("GET", $"/distribution/{compat}/json", StubResponse.Json("""{"message":"no such host"}""", 500));
        var options = BackendOptions.FromEnvironment(new Dictionary<string, string?>
        {
            ["DOCKER_HOST"] = $"tcp://127.0.0.1:{docker.BaseAddress.Port}", ["HARNESS_K3S_IMAGE"] = compat, ["HOME"] = "/h",
        });

        // When availability is checked
        var report = await K3sAvailability.CheckAsync(options, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // Then the finding names the image and how to build it
        Assert.False(report.CanRunK3s);
        Assert.Contains($"{compat} is not present and cannot be pulled (", report.Finding);
        Assert.Contains("local-cluster/k3s-compat-image.sh", report.Finding);
    }
}
