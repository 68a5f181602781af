using ProbeHarness.Preflight.Findings;
using static ProbeHarness.Preflight.Tests.Samples.Manifests;

namespace ProbeHarness.Preflight.Tests.Rules.Checks;

public sealed class DetectionTimesTests
{
    [Fact]
    public void Every_accepted_probe_gets_a_note_with_the_kubelet_models_worst_cases()
    {
        // Given the defaults (p 10, T 1, fT 3) and a pod grace period of 5 s
        var yaml = Deployment(Readiness + "\nlivenessProbe:\n" + Indent(Http, 2)).Replace(
            "      containers:\n", "      terminationGracePeriodSeconds: 5\n      containers:\n", StringComparison.Ordinal);

        // When
        var findings = FindingsOf("PH010", yaml);

        // Then fail-fast detection p + (fT−1)·p = 30 s, a hang 31 s, restart 31 + grace 5 = 36 s; readiness back within max(p, T) = 10 s
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Note, f.Severity));
        var liveness = findings.Single(f => f.Field.EndsWith("livenessProbe", StringComparison.Ordinal));
        Assert.Contains("killed at worst 30 s after its endpoint starts failing (31 s when the endpoint hangs); running again at worst 36 s", liveness.Message, StringComparison.Ordinal);
        var readiness = findings.Single(f => f.Field.EndsWith("readinessProbe", StringComparison.Ordinal));
        Assert.Contains("at worst 30 s after its endpoint starts failing (31 s when it hangs), back in at worst 10 s", readiness.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_probe_the_api_server_rejects_gets_no_times()
    {
        // Given
        var yaml = Deployment(Readiness + "\n  timeoutSeconds: -1");

        // When
        var findings = FindingsOf("PH010", yaml);

        // Then
        Assert.Empty(findings);
    }
}
