using ProbeHarness.Kubernetes.K3s;

namespace ProbeHarness.Kubernetes.Tests.K3s;

public sealed class K3sClusterSettingsTests
{
    private const string K3sKubeconfig = """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: LS0tLS1CRUdJTi0tLS0t
            server: https://docker:32771/
          name: default
        contexts:
        - context:
            cluster: default
            user: default
          name: default
        current-context: default
        kind: Config
        users:
        - name: default
          user:
            client-certificate-data: LS0tLS1CRUdJTi0tLS0t
            client-key-data: LS0tLS1CRUdJTi0tLS0t
        """;

    [Theory]
    [InlineData(null, "tcp://docker:2375", "docker")]
    [InlineData("10.0.0.5", "tcp://docker:2375", "10.0.0.5")]
    [InlineData(null, "unix:///var/run/docker.sock", null)]
    [InlineData(null, "https://remote.example:2376", "remote.example")]
    public void Predicts_the_host_testcontainers_reports(string? hostOverride, string endpoint, string? expected)
    {
        // Given TESTCONTAINERS_HOST_OVERRIDE and the Docker endpoint
        // When the reported host is predicted
        // Then the override wins, a tcp endpoint gives its host, a socket gives nothing known in advance
        Assert.Equal(expected, K3sClusterSettings.ReportedHost(hostOverride, new Uri(endpoint)));
    }

    [Theory]
    [InlineData(null, new string[0])]
    [InlineData("localhost", new string[0])]
    [InlineData("127.0.0.1", new string[0])]
    [InlineData("::1", new string[0])]
    [InlineData("docker", new[] { "--tls-san=docker" })]
    [InlineData("192.168.65.3", new[] { "--tls-san=192.168.65.3" })]
    public void Adds_a_tls_san_for_non_loopback_hosts(string? host, string[] expected)
    {
        // Given the host Testcontainers will report
        // When the server arguments are built
        // Then the certificate is told to cover it
        Assert.Equal(expected, K3sClusterSettings.ServerArguments(host));
    }

    [Fact]
    public void Pins_the_tls_server_name_under_the_server_line()
    {
        // Given the kubeconfig K3s writes, with the server rewritten by Testcontainers
        // When the TLS server name is pinned
        var pinned = K3sClusterSettings.PinTlsServerName(K3sKubeconfig);

        // Then the cluster entry names 'kubernetes', indented like the server line, and the rest is unchanged
        Assert.Contains("    server: https://docker:32771/\n    tls-server-name: kubernetes\n  name: default", pinned.ReplaceLineEndings("\n"));
        Assert.Equal(pinned, K3sClusterSettings.PinTlsServerName(pinned));
        var file = Path.Combine(Path.GetTempPath(), $"ph-pinned-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, pinned);
        try
        {
            var configuration = k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(file);
            Assert.Equal("kubernetes", configuration.TlsServerName);
            Assert.Equal("https://docker:32771/", configuration.Host);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_kubeconfig_without_a_server_is_refused()
    {
        // Given a kubeconfig without a server line
        // When it is pinned
        var error = Assert.Throws<InvalidDataException>(() => K3sClusterSettings.PinTlsServerName("apiVersion: v1\nclusters: []\n"));

        // Then the message says what is missing
        Assert.Equal("The K3s kubeconfig has no 'server:' line.", error.Message);
    }

    [Theory]
    [InlineData("rancher/k3s:v1.35.3-k3s1", "1", new[] { "--kubelet-arg=fail-cgroupv1=false" })]
    [InlineData("rancher/k3s:v1.31.0-k3s1", "1", new[] { "--kubelet-arg=fail-cgroupv1=false" })]
    [InlineData("rancher/k3s:v1.30.4-k3s1", "1", new string[0])]
    [InlineData("rancher/k3s:v1.35.3-k3s1", "2", new string[0])]
    [InlineData("rancher/k3s:v1.35.3-k3s1", null, new string[0])]
    [InlineData("registry.local:5000/k3s:latest", "1", new string[0])]
    public void Tells_the_kubelet_to_accept_cgroup_v1_only_where_it_has_the_flag(string image, string? cgroupVersion, string[] expected)
    {
        // Given an image tag and Docker's cgroup version
        // When the kubelet arguments are chosen
        var arguments = K3sClusterSettings.KubeletArguments(image, cgroupVersion);

        // Then the flag is passed on cgroup v1 from v1.31 on, never to a kubelet that would reject it
        Assert.Equal(expected, arguments);
    }

    [Theory]
    [InlineData("rancher/k3s:v1.35.3-k3s1", "1.35")]
    [InlineData("localhost:5000/rancher/k3s:v1.20.2", "1.20")]
    [InlineData("localhost:5000/k3s", null)]
    [InlineData("rancher/k3s:latest", null)]
    public void Reads_the_kubernetes_minor_from_the_tag(string image, string? expected)
    {
        // Given an image reference
        // When its tag is read
        var version = K3sClusterSettings.TagVersion(image);

        // Then the registry port is not taken for a tag
        Assert.Equal(expected, version?.ToString());
    }
}
