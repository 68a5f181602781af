using ProbeHarness.Preflight.Findings;
using static ProbeHarness.Preflight.Tests.Samples.Manifests;

namespace ProbeHarness.Preflight.Tests.Rules.Checks;

public sealed class ApiServerRejectsProbeTests
{
    [Fact]
    public void A_liveness_success_threshold_other_than_1_is_an_error_with_the_api_servers_message()
    {
        // Given
        var yaml = Deployment(Readiness + "\nlivenessProbe:\n" + Indent(Http, 2) + "\n  successThreshold: 2\n  periodSeconds: -1");

        // When
        var findings = FindingsOf("PH007", yaml);

        // Then
        Assert.Equal(2, findings.Count);
        var threshold = findings.Single(f => f.Field.EndsWith("successThreshold", StringComparison.Ordinal));
        Assert.Equal(Severity.Error, threshold.Severity);
        Assert.Equal(26, threshold.Line);
        Assert.Contains("spec.template.spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1", threshold.Message, StringComparison.Ordinal);
        Assert.StartsWith("set successThreshold to 1", threshold.Fix, StringComparison.Ordinal);
        var period = findings.Single(f => f.Field.EndsWith("periodSeconds", StringComparison.Ordinal));
        Assert.Equal(27, period.Line);
    }

    [Fact]
    public void A_readiness_success_threshold_of_3_is_accepted()
    {
        // Given
        var yaml = Deployment(Readiness + "\n  successThreshold: 3");

        // When
        var findings = FindingsOf("PH007", yaml);

        // Then
        Assert.Empty(findings);
    }
}
