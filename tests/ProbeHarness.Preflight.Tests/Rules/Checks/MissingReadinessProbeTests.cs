using ProbeHarness.Preflight.Findings;
using static ProbeHarness.Preflight.Tests.Samples.Manifests;

namespace ProbeHarness.Preflight.Tests.Rules.Checks;

public sealed class MissingReadinessProbeTests
{
    [Fact]
    public void A_deployment_container_without_a_readiness_probe_is_a_warning_on_the_container()
    {
        // Given
        var yaml = Deployment("livenessProbe:\n" + Indent(Http, 2));

        // When
        var findings = FindingsOf("PH001", yaml);

        // Then
        var finding = Assert.Single(findings);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("spec.template.spec.containers[0].readinessProbe", finding.Field);
        Assert.Equal(13, finding.Line);
        Assert.Equal("Deployment/web", finding.Workload);
        Assert.Contains("Services send it traffic before the app can answer", finding.Runtime, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Deployment", "apps/v1", true)]
    [InlineData("Job", "batch/v1", false)]
    public void A_container_with_one_or_a_job_container_gets_none(string kind, string apiVersion, bool withReadiness)
    {
        // Given
        var yaml = Deployment(withReadiness ? Readiness : "resources: {}", kind, apiVersion).Replace("  selector:\n    matchLabels: {app: web}\n", string.Empty, StringComparison.Ordinal);

        // When
        var findings = FindingsOf("PH001", yaml);

        // Then
        Assert.Empty(findings);
    }
}
