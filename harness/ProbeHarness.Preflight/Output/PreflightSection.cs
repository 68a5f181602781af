using System.Globalization;
using System.Net;
using System.Text;
using ProbeHarness.Preflight.Findings;
using ProbeHarness.Preflight.Input;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Preflight.Output;

/// <summary>The preflight findings for the manifest the suite deploys, as a section of the report's index.html.</summary>
public static class PreflightSection
{
    /// <summary>The section for manifests/target-app.yaml (every scenario deploys it, changed in code); null outside the repository.</summary>
    /// <param name="results">The run's results folder (unused: the findings depend on the manifest alone).</param>
    public static ReportSection? ForTargetApp(string results)
    {
        return DeployedManifest.TryFind() is { } manifest ? For(manifest) : null;
    }

    /// <summary>The section for the manifests at <paramref name="paths"/>: a row per finding, bad input named too.</summary>
    public static ReportSection For(params string[] paths)
    {
        var result = PreflightRunner.Run(paths);
        var html = new StringBuilder();
        html.AppendLine(CultureInfo.InvariantCulture, $"<p>{E(result.Summary())} — rules and fixes: docs/preflight.md. The scenarios deploy this manifest and change its probes in code.</p>");
        html.AppendLine("<table class=\"timings\"><thead><tr><th>Severity</th><th>Rule</th><th>File:line</th><th>Field</th><th>Finding</th><th>At runtime</th><th>Fix</th></tr></thead><tbody>");
        foreach (var finding in result.Findings)
        {
            html.AppendLine(CultureInfo.InvariantCulture,
                $"<tr><td>{E(finding.Severity.Name())}</td><td>{E(finding.RuleId)}</td><td>{E(finding.File)}:{finding.Line}</td><td><code>{E(finding.Field)}</code></td><td>{E(finding.Message)}</td><td>{E(finding.Runtime)}</td><td>{E(finding.Fix)}</td></tr>");
        }

        foreach (var error in result.InputErrors)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<tr><td>bad input</td><td>–</td><td colspan=\"5\">{E(error.Message)}</td></tr>");
        }

        html.AppendLine("</tbody></table>");
        return new ReportSection("preflight", "Preflight of the deployed manifest", html.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
