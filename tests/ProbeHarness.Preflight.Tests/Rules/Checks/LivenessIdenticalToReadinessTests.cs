using static ProbeHarness.Preflight.Tests.Samples.Manifests;

namespace ProbeHarness.Preflight.Tests.Rules.Checks;

public sealed class LivenessIdenticalToReadinessTests
{
    [Fact]
    public void The_same_probe_twice_is_reported_once_and_not_also_as_the_same_endpoint()
    {
        // Given liveness and readiness identical after defaults (periodSeconds 10 written on one side only)
        var yaml = Deployment("livenessProbe:\n" + Indent(Http, 2) + "\n  periodSeconds: 10\nreadinessProbe:\n" + Indent(Http, 2));

        // When
        var identical = FindingsOf("PH002", yaml);
        var sameEndpoint = FindingsOf("PH003", yaml);

        // Then
        var finding = Assert.Single(identical);
        Assert.Equal("spec.template.spec.containers[0].livenessProbe", finding.Field);
        Assert.Contains("GET HTTP :8080/healthz", finding.Message, StringComparison.Ordinal);
        Assert.Empty(sameEndpoint);
    }

    [Fact]
    public void Different_timing_is_not_identical()
    {
        // Given
        var yaml = Deployment("livenessProbe:\n" + Indent(Http, 2) + "\n  failureThreshold: 6\nreadinessProbe:\n" + Indent(Http, 2));

        // When
        var findings = FindingsOf("PH002", yaml);

        // Then
        Assert.Empty(findings);
    }
}
