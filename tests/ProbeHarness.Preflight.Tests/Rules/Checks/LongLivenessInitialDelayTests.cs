using static ProbeHarness.Preflight.Tests.Samples.Manifests;

namespace ProbeHarness.Preflight.Tests.Rules.Checks;

public sealed class LongLivenessInitialDelayTests
{
    [Fact]
    public void A_long_liveness_delay_without_a_startup_probe_suggests_one()
    {
        // Given initialDelaySeconds 60: an app still starting is killed within [59 + 20, 60 + 10 + 20] s
        var yaml = Deployment(Readiness + "\nlivenessProbe:\n" + Indent(Http, 2) + "\n  initialDelaySeconds: 60");

        // When
        var findings = FindingsOf("PH006", yaml);

        // Then
        var finding = Assert.Single(findings);
        Assert.Equal("spec.template.spec.containers[0].livenessProbe.initialDelaySeconds", finding.Field);
        Assert.Contains("killed 79–90 s after the container starts", finding.Runtime, StringComparison.Ordinal);
        Assert.Contains("periodSeconds: 5, failureThreshold: 12", finding.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(60, true)]
    public void A_short_delay_or_one_next_to_a_startup_probe_is_fine(int delay, bool startupProbe)
    {
        // Given
        var startup = startupProbe ? "\nstartupProbe:\n" + Indent(Http, 2) : string.Empty;
        var yaml = Deployment(Readiness + $"\nlivenessProbe:\n" + Indent(Http, 2) + $"\n  initialDelaySeconds: {delay}" + startup);

        // When
        var findings = FindingsOf("PH006", yaml);

        // Then
        Assert.Empty(findings);
    }
}
