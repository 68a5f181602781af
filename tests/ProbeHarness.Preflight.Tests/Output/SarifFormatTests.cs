using System.Text.Json.Nodes;
using ProbeHarness.Preflight.Output;
using ProbeHarness.Preflight.Tests.Samples;

namespace ProbeHarness.Preflight.Tests.Output;

/// <summary>The SARIF log checked against the properties SARIF 2.1.0's schema requires, and the ones code scanning reads.</summary>
public sealed class SarifFormatTests
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    [Fact]
    public void The_log_has_every_property_sarif_2_1_0_requires_and_relative_locations()
    {
        // Given
        var result = PreflightRunner.Run(["samples"], Manifests.TestData());

        // When
        var log = JsonNode.Parse(SarifFormat.Write(result))!;

        // Then sarifLog: version "2.1.0", $schema, runs[]
        Assert.Equal("2.1.0", (string?)log["version"]);
        Assert.Equal(SarifFormat.Schema, (string?)log["$schema"]);
        var run = Assert.Single(log["runs"]!.AsArray())!;

        // run.tool.driver: name, version, informationUri (absolute), rules[] with id, shortDescription.text, defaultConfiguration.level
        var driver = run["tool"]!["driver"]!;
        Assert.Equal(ToolInfo.Name, (string?)driver["name"]);
        Assert.False(string.IsNullOrEmpty((string?)driver["version"]));
        Assert.True(Uri.IsWellFormedUriString((string?)driver["informationUri"], UriKind.Absolute));
        var rules = driver["rules"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"PH{i:000}"), rules.Select(r => (string?)r!["id"]));
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrEmpty((string?)rule!["shortDescription"]!["text"]));
            Assert.Contains((string?)rule["defaultConfiguration"]!["level"], Levels);
            Assert.Null(rule["helpUri"]);
        });

        // results[]: ruleId (matching ruleIndex), level, message.text, locations[].physicalLocation with a relative uri and startLine ≥ 1
        var results = run["results"]!.AsArray();
        Assert.Equal(result.Findings.Count, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal((string?)r!["ruleId"], (string?)rules[(int)r["ruleIndex"]!]!["id"]);
            Assert.Contains((string?)r["level"], Levels);
            Assert.False(string.IsNullOrEmpty((string?)r["message"]!["text"]));
            var location = Assert.Single(r["locations"]!.AsArray())!["physicalLocation"]!;
            var uri = (string?)location["artifactLocation"]!["uri"];
            Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri);
            Assert.True((int)location["region"]!["startLine"]! >= 1);
        });
        Assert.Contains(results, r => (string?)r!["ruleId"] == "PH007" && (string?)r["level"] == "error"
            && (string?)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"] == "samples/helm-rendered.yaml"
            && (int)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]! == 67);
        Assert.True((bool)run["invocations"]![0]!["executionSuccessful"]!);
    }

    [Fact]
    public void Bad_input_is_a_tool_execution_notification_with_its_file_and_line()
    {
        // Given
        var result = PreflightRunner.Run(["bad/no-kind.yaml"], Manifests.TestData());

        // When
        var log = JsonNode.Parse(SarifFormat.Write(result))!;

        // Then
        var invocation = log["runs"]![0]!["invocations"]![0]!;
        Assert.False((bool)invocation["executionSuccessful"]!);
        var notification = Assert.Single(invocation["toolExecutionNotifications"]!.AsArray())!;
        Assert.Equal("error", (string?)notification["level"]);
        Assert.Contains("the document has no 'kind'", (string?)notification["message"]!["text"], StringComparison.Ordinal);
        Assert.Equal("bad/no-kind.yaml", (string?)notification["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal(1, (int)notification["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!);
        Assert.Empty(log["runs"]![0]!["results"]!.AsArray());
    }
}
