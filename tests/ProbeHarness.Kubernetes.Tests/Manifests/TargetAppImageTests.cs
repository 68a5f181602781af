using ProbeHarness.Kubernetes.Manifests;

namespace ProbeHarness.Kubernetes.Tests.Manifests;

public sealed class TargetAppImageTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("probe-harness/target-app", true)]
    [InlineData("probe-harness/target-app:dev", true)]
    [InlineData("docker.io/probe-harness/target-app:sha-0123456789ab", true)]
    [InlineData("probe-harness/target-app@sha256:0123", true)]
    [InlineData("busybox:1.36", false)]
    [InlineData("ghcr.io/probe-harness/target-app:dev", false)]
    [InlineData("probe-harness/target-app-sidecar:dev", false)]
    public void Recognises_the_target_app_placeholder(string? image, bool expected)
    {
        // Given a container image as a manifest writes it
        // When it is checked
        // Then only the target app's repository (any tag or digest) or no image counts
        Assert.Equal(expected, TargetAppImage.IsPlaceholder(image));
    }
}
