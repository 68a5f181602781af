using ProbeHarness.Preflight.Input;

namespace ProbeHarness.Preflight.Tests.Input;

public sealed class KnownKindsTests
{
    [Theory]
    [InlineData("v1", "Service", true)]
    [InlineData("apps/v1", "Deployment", true)]
    [InlineData("networking.k8s.io/v1", "Ingress", true)]
    [InlineData("extensions/v1beta1", "Deployment", false)]
    [InlineData("example.com/v1", "Widget", false)]
    public void Built_in_kinds_are_known_by_their_api_version(string apiVersion, string kind, bool known)
    {
        // Given KubernetesClient's models

        // When
        var isKnown = KnownKinds.IsKnown(apiVersion, kind);

        // Then
        Assert.Equal(known, isKnown);
    }
}
