using static ProbeHarness.Preflight.Tests.Samples.Manifests;

namespace ProbeHarness.Preflight.Tests.Rules.Checks;

public sealed class SingleFailureLivenessTests
{
    [Fact]
    public void Failure_threshold_1_on_liveness_is_a_warning()
    {
        // Given
        var yaml = Deployment(Readiness + "\nlivenessProbe:\n" + Indent(Http, 2) + "\n  failureThreshold: 1");

        // When
        var findings = FindingsOf("PH009", yaml);

        // Then
        var finding = Assert.Single(findings);
        Assert.Equal(("spec.template.spec.containers[0].livenessProbe.failureThreshold", 26L), (finding.Field, finding.Line));
    }

    [Fact]
    public void Failure_threshold_1_on_readiness_or_the_default_on_liveness_is_fine()
    {
        // Given
        var yaml = Deployment(Readiness + "\n  failureThreshold: 1\nlivenessProbe:\n" + Indent(Http, 2));

        // When
        var findings = FindingsOf("PH009", yaml);

        // Then
        Assert.Empty(findings);
    }
}
