using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProbeHarness.Preflight.Findings;
using ProbeHarness.Preflight.Rules;

namespace ProbeHarness.Preflight.Output;

/// <summary>
/// SARIF 2.1.0: one run whose <c>tool.driver</c> lists every rule (id, name, shortDescription, fullDescription, help, defaultConfiguration.level)
/// and whose results carry ruleId, ruleIndex, level, message.text and a physicalLocation (relative artifactLocation.uri, region.startLine).
/// Bad input is reported as <c>invocations[0].toolExecutionNotifications</c>, with <c>executionSuccessful</c> false.
/// </summary>
public static class SarifFormat
{
    /// <summary>The schema the output declares.</summary>
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    // Not HTML: keep ≥, −, δ and quotes readable instead of \u escapes.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The SARIF log as JSON text.</summary>
    public static string Write(PreflightResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rules = PreflightChecks.Rules;
        var index = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(r => r.Id, r => r.i, StringComparer.Ordinal);
        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = ToolInfo.Name,
                    ["version"] = ToolInfo.Version,
                    ["semanticVersion"] = ToolInfo.Version,
                    ["informationUri"] = ToolInfo.InformationUri,
                    ["rules"] = new JsonArray([.. rules.Select(Rule)]),
                },
            },
            ["invocations"] = new JsonArray(Invocation(result)),
            ["results"] = new JsonArray([.. result.Findings.Select(f => Result(f, index[f.RuleId]))]),
        };
        var log = new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return log.ToJsonString(Indented) + Environment.NewLine;
    }

    private static JsonNode Rule(PreflightRule rule) => new JsonObject
    {
        ["id"] = rule.Id,
        ["name"] = rule.Name,
        ["shortDescription"] = new JsonObject { ["text"] = rule.Description },
        ["fullDescription"] = new JsonObject { ["text"] = $"{rule.Description} Article mistake: {rule.Mistake}." },
        ["help"] = new JsonObject { ["text"] = $"See {rule.HelpPath} in the probe harness repository." },
        ["defaultConfiguration"] = new JsonObject { ["level"] = rule.DefaultSeverity.Name() },
    };

    private static JsonNode Result(Finding finding, int ruleIndex) => new JsonObject
    {
        ["ruleId"] = finding.RuleId,
        ["ruleIndex"] = ruleIndex,
        ["level"] = finding.Severity.Name(),
        ["message"] = new JsonObject { ["text"] = $"{finding.Message}. At runtime: {finding.Runtime}. Fix: {finding.Fix}." },
        ["locations"] = new JsonArray(new JsonObject
        {
            ["physicalLocation"] = new JsonObject
            {
                ["artifactLocation"] = new JsonObject { ["uri"] = Uri(finding.File) },
                ["region"] = new JsonObject { ["startLine"] = finding.Line },
            },
            ["logicalLocations"] = new JsonArray(new JsonObject
            {
                ["fullyQualifiedName"] = $"{finding.Workload}/{finding.Field}",
                ["kind"] = "member",
            }),
        }),
        ["properties"] = new JsonObject
        {
            ["field"] = finding.Field,
            ["workload"] = finding.Workload,
            ["container"] = finding.Container,
        },
    };

    private static JsonNode Invocation(PreflightResult result) => new JsonObject
    {
        ["executionSuccessful"] = result.InputErrors.Count == 0,
        ["toolExecutionNotifications"] = new JsonArray([.. result.InputErrors.Select(error => (JsonNode?)new JsonObject
        {
            ["level"] = "error",
            ["message"] = new JsonObject { ["text"] = error.Message },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = error.Line is { } line
                    ? new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = Uri(error.File) }, ["region"] = new JsonObject { ["startLine"] = line } }
                    : new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = Uri(error.File) } },
            }),
        })]),
    };

    // A relative reference stays relative (escaped per segment); a full path becomes a file: URI.
    private static string Uri(string file) => Path.IsPathRooted(file)
        ? new Uri(file).AbsoluteUri
        : string.Join('/', file.Split('/').Select(System.Uri.EscapeDataString));
}
