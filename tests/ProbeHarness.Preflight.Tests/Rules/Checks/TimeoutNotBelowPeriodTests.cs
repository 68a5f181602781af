using static ProbeHarness.Preflight.Tests.Samples.Manifests;

namespace ProbeHarness.Preflight.Tests.Rules.Checks;

public sealed class TimeoutNotBelowPeriodTests
{
    [Fact]
    public void A_timeout_as_long_as_the_period_is_reported_with_the_hang_window_of_the_kubelet_model()
    {
        // Given period 5, timeout 5, threshold 3: a hang is detected within [(3−1)·5 + 5, 5 + (3−1)·5 + 5] = [15, 20] s
        var yaml = Deployment(Readiness + "\nlivenessProbe:\n" + Indent(Http, 2) + "\n  periodSeconds: 5\n  timeoutSeconds: 5");

        // When
        var findings = FindingsOf("PH005", yaml);

        // Then
        var finding = Assert.Single(findings);
        Assert.Equal("spec.template.spec.containers[0].livenessProbe.timeoutSeconds", finding.Field);
        Assert.Equal(27, finding.Line);
        Assert.Contains("killed only 15–20 s after the hang starts", finding.Runtime, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeout_below_the_period_is_fine()
    {
        // Given the defaults: timeout 1, period 10
        var yaml = Deployment(Readiness + "\nlivenessProbe:\n" + Indent(Http, 2));

        // When
        var findings = FindingsOf("PH005", yaml);

        // Then
        Assert.Empty(findings);
    }
}
