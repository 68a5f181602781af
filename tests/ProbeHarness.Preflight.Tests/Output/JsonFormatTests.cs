using System.Text.Json.Nodes;
using ProbeHarness.Preflight.Findings;
using ProbeHarness.Preflight.Output;
using ProbeHarness.Preflight.Tests.Samples;

namespace ProbeHarness.Preflight.Tests.Output;

public sealed class JsonFormatTests
{
    [Fact]
    public void Every_finding_has_its_rule_severity_place_field_runtime_and_fix()
    {
        // Given
        var result = PreflightRunner.Run(["samples/workloads.yml"], Manifests.TestData());

        // When
        var json = JsonNode.Parse(JsonFormat.Write(result, Severity.Warning))!;

        // Then
        Assert.Equal(1, (int)json["exitCode"]!);
        Assert.Equal("warning", (string?)json["failOn"]);
        var finding = json["findings"]!.AsArray().Single(f => (string?)f!["ruleId"] == "PH004")!;
        Assert.Equal("warning", (string?)finding["severity"]);
        Assert.Equal("samples/workloads.yml", (string?)finding["file"]);
        Assert.Equal(22, (int)finding["line"]!);
        Assert.Equal("spec.template.spec.containers[0].readinessProbe.tcpSocket.port", (string?)finding["field"]);
        Assert.Equal("StatefulSet/db", (string?)finding["workload"]);
        Assert.Equal("db", (string?)finding["container"]);
        Assert.False(string.IsNullOrEmpty((string?)finding["runtime"]));
        Assert.False(string.IsNullOrEmpty((string?)finding["fix"]));
        Assert.Empty(json["inputErrors"]!.AsArray());
    }
}
