using ProbeHarness.Preflight.Findings;
using static ProbeHarness.Preflight.Tests.Samples.Manifests;

namespace ProbeHarness.Preflight.Tests.Rules.Checks;

public sealed class ProbeOnInitContainerTests
{
    private static string WithInit(string restartPolicy) => Deployment(Readiness).Replace(
        "      containers:\n",
        $"      initContainers:\n        - name: init\n          image: init:1\n{restartPolicy}          livenessProbe:\n            exec:\n              command: [true]\n      containers:\n",
        StringComparison.Ordinal);

    [Fact]
    public void A_probe_on_a_plain_init_container_is_an_error()
    {
        // Given
        var yaml = WithInit(string.Empty);

        // When
        var findings = FindingsOf("PH008", yaml);
        var all = PreflightRunner.RunText(yaml, "web.yaml").Findings;

        // Then its probe is not run, so only PH008 speaks about it
        var finding = Assert.Single(findings);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(("spec.template.spec.initContainers[0].livenessProbe", 15L), (finding.Field, finding.Line));
        Assert.DoesNotContain(all, f => f.Container == "init" && f.RuleId != "PH008");
    }

    [Fact]
    public void A_sidecar_may_have_probes_and_they_are_checked()
    {
        // Given
        var yaml = WithInit("          restartPolicy: Always\n");

        // When
        var findings = FindingsOf("PH008", yaml);
        var all = PreflightRunner.RunText(yaml, "web.yaml").Findings;

        // Then
        Assert.Empty(findings);
        Assert.Contains(all, f => f.Container == "init" && f.RuleId == "PH010");
        Assert.DoesNotContain(all, f => f.Container == "init" && f.RuleId == "PH001");
    }
}
