using System.Globalization;
using System.Text;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Writers;

/// <summary>Writes report.md, sized for a GitHub job summary: header, scores, one table row per scenario, failures in folds.</summary>
public static class MarkdownReportWriter
{
    /// <summary>Log lines kept per container in the Markdown (the HTML and JUnit keep them all).</summary>
    public const int LogTailLines = 40;

    /// <summary>The report as Markdown.</summary>
    public static string Write(ResilienceReport report)
    {
        var header = report.Header;
        var md = new StringBuilder();
        md.AppendLine($"# {(header.Emulated ? "[emulated] " : string.Empty)}Probe resilience report");
        md.AppendLine();
        if (header.Emulated)
        {
            md.AppendLine("> [!WARNING]");
            md.AppendLine($"> **{header.Banner}**");
            md.AppendLine();
        }

        md.AppendLine("| | |").AppendLine("|---|---|");
        md.AppendLine($"| Backend | {Cell(string.Join(", ", header.Backends))}{(header.Emulated ? " (EMULATED)" : string.Empty)} |");
        md.AppendLine($"| Kubernetes | {Cell(Or(header.KubernetesVersions, "unknown"))} |");
        md.AppendLine($"| Images | {Cell(Or(header.ImageDigests.Select(d => $"{d.Key}@{d.Value}").ToList(), "digests unknown"))} |");
        md.AppendLine($"| Host | {Cell(header.Host)} |");
        md.AppendLine($"| Started | {header.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC |");
        md.AppendLine($"| Suite wall time | {Format.Seconds(header.DurationSeconds)} |");
        md.AppendLine($"| Scenarios | {Cell(RowText.Counts(header.Counts))} |");
        md.AppendLine($"| Verdicts | {Cell(RowText.VerdictBreakdown(header.Counts))} |");
        md.AppendLine();
        md.AppendLine($"**Conformance score: {report.Scores.Conformance.Display}**: {report.Scores.Conformance.Explanation}");
        md.AppendLine();
        md.AppendLine($"**Timing score: {report.Scores.Timing.Display}**: {report.Scores.Timing.Explanation}");
        md.AppendLine();

        Problems(md, header.Problems);
        Table(md, report.Scenarios);
        Failures(md, report.Scenarios);
        Artifacts(md, report.Artifacts);
        return md.ToString();
    }

    private static void Problems(StringBuilder md, IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        md.AppendLine("## Problems reading the results").AppendLine();
        foreach (var problem in problems)
        {
            md.AppendLine($"- {Cell(problem)}");
        }

        md.AppendLine();
    }

    private static void Table(StringBuilder md, IReadOnlyList<ScenarioRow> rows)
    {
        md.AppendLine("## Scenarios").AppendLine();
        if (rows.Count == 0)
        {
            md.AppendLine("No scenario left a record.").AppendLine();
            return;
        }

        md.AppendLine($"| {string.Join(" | ", RowText.Columns)} |");
        md.AppendLine($"|{string.Concat(Enumerable.Repeat("---|", RowText.Columns.Count))}");
        foreach (var row in rows)
        {
            var cells = RowText.Cells(row).Select(lines => Cell(string.Join("\n", lines))).ToList();
            var verdictColumn = RowText.Columns.Count - 3;
            cells[verdictColumn] = $"{Icon(row.Verdict)} **{cells[verdictColumn]}**";
            md.AppendLine($"| {string.Join(" | ", cells)} |");
        }

        md.AppendLine();
    }

    private static string Icon(ScenarioVerdict verdict) => verdict switch
    {
        _ when verdict.Holds() => "✅",
        ScenarioVerdict.Skipped => "⏭️",
        ScenarioVerdict.EnvironmentError => "⚠️",
        ScenarioVerdict.AuthoringError => "✏️",
        ScenarioVerdict.NotRun => "⛔",
        _ => "❌",
    };

    private static void Failures(StringBuilder md, IReadOnlyList<ScenarioRow> rows)
    {
        var failed = rows.Where(r => !r.Verdict.Holds() && r.Verdict != ScenarioVerdict.Skipped).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        md.AppendLine("## Failed scenarios and environment errors").AppendLine();
        foreach (var row in failed)
        {
            md.AppendLine($"### {row.Label} {Inline(row.Scenario)}: {row.Verdict.ToDisplay()}").AppendLine();
            md.AppendLine($"{Inline(row.Feature)} (`{row.Location}`). {Inline(row.VerdictReason)}").AppendLine();
            if (row.Message is { } message)
            {
                Fenced(md, "Message", message);
            }

            foreach (var expectation in row.Expectations.Where(e => !e.Held))
            {
                md.AppendLine($"- not held: {Inline(expectation.Text)}{(expectation.Detail is null ? string.Empty : $" ({Inline(expectation.Detail)})")}");
            }

            foreach (var timing in row.Timings)
            {
                md.AppendLine($"- timing {Inline(Format.Timing(timing))}");
            }

            md.AppendLine();
            if (row.Diagnostics is { } diagnostics)
            {
                foreach (var (name, log) in diagnostics.Logs)
                {
                    Fenced(md, $"Log {name} (last {LogTailLines} lines)", Tail(log));
                }

                Fenced(md, "Events", string.Join("\n", diagnostics.Events));
                Fenced(md, "Pods", diagnostics.PodsYaml);
                Fenced(md, "EndpointSlices", diagnostics.EndpointSlicesYaml);
            }
        }
    }

    private static void Artifacts(StringBuilder md, ReportArtifacts artifacts)
    {
        md.AppendLine("## Files").AppendLine();
        md.AppendLine("`index.html` (the full report with timelines), `report.json`, " +
                      $"`{artifacts.JUnit}`{(artifacts.Trx is null ? string.Empty : $", `{artifacts.Trx}`")}" +
                      string.Concat(artifacts.Cucumber.Select(c => $", `{c}`")) + " are in the report folder.");
    }

    private static void Fenced(StringBuilder md, string title, string text)
    {
        var fence = text.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
        md.AppendLine($"<details><summary>{System.Net.WebUtility.HtmlEncode(title)}</summary>").AppendLine();
        md.AppendLine($"{fence}text").AppendLine(text.TrimEnd()).AppendLine(fence).AppendLine();
        md.AppendLine("</details>").AppendLine();
    }

    private static string Tail(string log)
    {
        var lines = log.TrimEnd().Split('\n');
        return lines.Length <= LogTailLines ? log : string.Join('\n', lines[^LogTailLines..]);
    }

    private static string Or(IReadOnlyCollection<string> values, string none) => values.Count == 0 ? none : string.Join(", ", values);

    /// <summary>Text safe inside a table cell: pipes escaped, newlines as &lt;br&gt;, HTML-like text neutralised.</summary>
    internal static string Cell(string text) =>
        Inline(text).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    private static string Inline(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
