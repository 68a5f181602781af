using ProbeHarness.Preflight.Findings;
using static ProbeHarness.Preflight.Tests.Samples.Manifests;

namespace ProbeHarness.Preflight.Tests.Rules.Checks;

public sealed class ProbePortNotExposedTests
{
    [Fact]
    public void An_unknown_port_name_is_an_error_and_an_undeclared_number_a_warning()
    {
        // Given
        var yaml = Deployment("""
            livenessProbe:
              tcpSocket:
                port: 9999
            readinessProbe:
              httpGet:
                path: /ready
                port: htp
            """);

        // When
        var findings = FindingsOf("PH004", yaml);

        // Then
        Assert.Equal(2, findings.Count);
        var number = findings.Single(f => f.Field.EndsWith("livenessProbe.tcpSocket.port", StringComparison.Ordinal));
        Assert.Equal((Severity.Warning, 20L), (number.Severity, number.Line));
        Assert.Contains("declared: 8080", number.Fix, StringComparison.Ordinal);
        var name = findings.Single(f => f.Field.EndsWith("readinessProbe.httpGet.port", StringComparison.Ordinal));
        Assert.Equal((Severity.Error, 24L), (name.Severity, name.Line));
        Assert.Contains("the pod never becomes ready", name.Runtime, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_ports_by_number_or_name_and_probes_of_another_host_are_fine()
    {
        // Given
        var yaml = Deployment("""
            livenessProbe:
              tcpSocket:
                port: 8080
            readinessProbe:
              httpGet:
                path: /ready
                port: http
            startupProbe:
              httpGet:
                host: 10.0.0.1
                path: /
                port: 9999
            """);

        // When
        var findings = FindingsOf("PH004", yaml);

        // Then
        Assert.Empty(findings);
    }
}
