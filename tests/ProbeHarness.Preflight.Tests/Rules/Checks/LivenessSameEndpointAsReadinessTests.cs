using ProbeHarness.Preflight.Findings;
using static ProbeHarness.Preflight.Tests.Samples.Manifests;

namespace ProbeHarness.Preflight.Tests.Rules.Checks;

public sealed class LivenessSameEndpointAsReadinessTests
{
    [Fact]
    public void Liveness_on_the_readiness_endpoint_is_a_heuristic_warning_even_through_a_named_port()
    {
        // Given readiness on port "http" (8080) and liveness on 8080, the same path, a longer threshold
        var yaml = Deployment("""
            livenessProbe:
              httpGet:
                path: /ready
                port: 8080
              failureThreshold: 6
            """ + "\n" + Readiness);

        // When
        var findings = FindingsOf("PH003", yaml);

        // Then
        var finding = Assert.Single(findings);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith("heuristic:", finding.Message, StringComparison.Ordinal);
        Assert.Contains("liveness checks a dependency", finding.Message, StringComparison.Ordinal);
        Assert.Equal(18, finding.Line);
    }

    [Fact]
    public void Liveness_on_its_own_endpoint_is_fine()
    {
        // Given
        var yaml = Deployment("livenessProbe:\n" + Indent(Http, 2) + "\n" + Readiness);

        // When
        var findings = FindingsOf("PH003", yaml);

        // Then
        Assert.Empty(findings);
    }
}
