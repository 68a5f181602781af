using ProbeHarness.Kubernetes.K3s;

namespace ProbeHarness.Kubernetes.Tests.K3s;

public sealed class K3sCompatImageTests
{
    [Fact]
    public void Recognises_the_compat_image_by_its_label()
    {
        // Given the labels of local-cluster/'s compat image
        var labels = new Dictionary<string, string> { ["org.probe-harness.k3s-compat"] = " v1.20.2 ", ["other"] = "x" };

        // When its version is read
        // Then it is the label's value
        Assert.Equal("v1.20.2", K3sCompatImage.VersionFrom(labels));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Real_k3s_images_are_not_the_compat_image(string? value)
    {
        // Given an image without the label (rancher/k3s), with no labels at all, or with an empty label
        var labels = value is null ? new Dictionary<string, string> { ["org.opencontainers.image.source"] = "k3s" } : new() { ["org.probe-harness.k3s-compat"] = value };

        // When its version is read
        // Then it is not the compat image, so the CoreDNS check stays
        Assert.Null(K3sCompatImage.VersionFrom(labels));
        Assert.Null(K3sCompatImage.VersionFrom(null));
    }

    [Fact]
    public void The_description_says_it_is_not_k3s()
    {
        // Given a compat image's identity
        // When the backend is described
        var description = K3sCompatImage.Describe("probe-harness/k3s-compat:v1.20.2", "v1.20.2", "v1.20.2", "0123456789ab", "https://172.17.0.1:32768/");

        // Then reports read "k3s (compat image …)" and say it is upstream Kubernetes, not K3s
        Assert.StartsWith("k3s (compat image probe-harness/k3s-compat:v1.20.2, built for v1.20.2: upstream Kubernetes v1.20.2", description, StringComparison.Ordinal);
        Assert.Contains("not K3s", description, StringComparison.Ordinal);
        Assert.Contains("0123456789ab", description, StringComparison.Ordinal);
    }
}
