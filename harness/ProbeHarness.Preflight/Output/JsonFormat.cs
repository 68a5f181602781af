using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Output;

/// <summary>The findings as JSON: <c>{ tool, failOn, exitCode, summary, files[], findings[], inputErrors[] }</c>, severities as lower-case names.</summary>
public static class JsonFormat
{
    // Not HTML: keep ≥, −, δ and quotes readable instead of \u escapes.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text.</summary>
    public static string Write(PreflightResult result, Severity failOn)
    {
        ArgumentNullException.ThrowIfNull(result);
        var root = new JsonObject
        {
            ["tool"] = ToolInfo.Name,
            ["version"] = ToolInfo.Version,
            ["failOn"] = failOn.Name(),
            ["exitCode"] = result.ExitCode(failOn),
            ["summary"] = result.Summary(),
            ["files"] = new JsonArray([.. result.Files.Select(f => (JsonNode?)JsonValue.Create(f))]),
            ["findings"] = new JsonArray([.. result.Findings.Select(Finding)]),
            ["inputErrors"] = new JsonArray([.. result.InputErrors.Select(e => (JsonNode?)new JsonObject
            {
                ["file"] = e.File,
                ["line"] = e.Line,
                ["column"] = e.Column,
                ["message"] = e.Message,
            })]),
        };
        return root.ToJsonString(Indented) + Environment.NewLine;
    }

    private static JsonNode Finding(Finding finding) => new JsonObject
    {
        ["ruleId"] = finding.RuleId,
        ["severity"] = finding.Severity.Name(),
        ["file"] = finding.File,
        ["line"] = finding.Line,
        ["field"] = finding.Field,
        ["workload"] = finding.Workload,
        ["container"] = finding.Container,
        ["message"] = finding.Message,
        ["runtime"] = finding.Runtime,
        ["fix"] = finding.Fix,
    };
}
