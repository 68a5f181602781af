using System.Globalization;
using System.Text;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Writers;

/// <summary>
/// Writes report.md, sized for a GitHub job summary: header, scores, one table row per scenario, failures in folds;
/// trimmed to <see cref="GitHubSummaryLimitBytes"/> with a note pointing at index.html when it would be larger.
/// </summary>
public static class MarkdownReportWriter
{
    /// <summary>GitHub's limit on one job summary (<c>$GITHUB_STEP_SUMMARY</c>): 1 MiB of UTF-8.</summary>
    public const int GitHubSummaryLimitBytes = 1024 * 1024;

    /// <summary>Log lines kept per container in the Markdown (the HTML and JUnit keep them all).</summary>
    public const int LogTailLines = 40;

    /// <summary>The report as Markdown, at most <paramref name="maxBytes"/> of UTF-8 (GitHub's job-summary limit by default).</summary>
    public static string Write(ResilienceReport report, int maxBytes = GitHubSummaryLimitBytes)
    {
        ArgumentNullException.ThrowIfNull(report);
        var head = Head(report);
        var failures = Failures(report.Scenarios);
        var files = new StringBuilder();
        Artifacts(files, report.Artifacts);
        var full = head + string.Concat(failures) + files;
        return Bytes(full) <= maxBytes ? full : Trimmed(head, failures, files.ToString(), maxBytes);
    }

    // Whole sections are kept while they fit: the head (cut at a line when it alone is too big), then each failure's fold.
    private static string Trimmed(string head, IReadOnlyList<string> failures, string files, int maxBytes)
    {
        var budget = maxBytes - Bytes(files) - Bytes(TrimNote(failures.Count, failures.Count, headCut: true));
        var md = new StringBuilder();
        var headCut = Bytes(head) > budget;
        md.Append(headCut ? CutAtLine(head, budget) : head);
        var used = Bytes(md.ToString());
        var kept = 0;
        foreach (var failure in failures)
        {
            var size = Bytes(failure);
            if (headCut || used + size > budget)
            {
                break;
            }

            md.Append(failure);
            used += size;
            kept++;
        }

        md.Append(TrimNote(failures.Count - kept, failures.Count, headCut)).Append(files);
        return md.ToString();
    }

    private static string TrimNote(int leftOut, int failures, bool headCut) =>
        new StringBuilder()
            .AppendLine()
            .AppendLine("> [!NOTE]")
            .AppendLine($"> **This summary is trimmed** to fit GitHub's job-summary limit ({GitHubSummaryLimitBytes / (1024 * 1024)} MiB): "
                + (headCut ? "the scenario table is cut short and every failure's details are left out" : $"{leftOut} of {failures} failure details are left out")
                + ". The full report is `index.html` in the report folder (also `report.json`).")
            .AppendLine()
            .ToString();

    private static string CutAtLine(string text, int maxBytes)
    {
        var cut = new StringBuilder();
        var used = 0;
        foreach (var line in text.Split('\n'))
        {
            var size = Bytes(line) + 1;
            if (used + size > maxBytes)
            {
                break;
            }

            cut.Append(line).Append('\n');
            used += size;
        }

        return cut.ToString();
    }

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    private static string Head(ResilienceReport report)
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
        if (header.Benchmark is { } benchmark)
        {
            md.AppendLine($"| Benchmark | {Cell(benchmark.Summary)} |");
        }

        md.AppendLine($"| Scenarios | {Cell(RowText.Counts(header.Counts))} |");
        md.AppendLine($"| Verdicts | {Cell(RowText.VerdictBreakdown(header.Counts))} |");
        md.AppendLine();
        md.AppendLine($"**Conformance score: {report.Scores.Conformance.Display}**: {report.Scores.Conformance.Explanation}");
        md.AppendLine();
        md.AppendLine($"**Timing score: {report.Scores.Timing.Display}**: {report.Scores.Timing.Explanation}");
        md.AppendLine();

        Problems(md, header.Problems);
        Table(md, report.Scenarios);
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
        var ownApps = rows.Where(r => r.OwnApp is not null).ToList();
        if (ownApps.Count > 0)
        {
            md.AppendLine("## Your app through the probe fault proxy").AppendLine();
            foreach (var row in ownApps)
            {
                md.AppendLine($"**{row.Label} {row.Scenario}**").AppendLine();
                foreach (var line in Format.OwnApp(row.OwnApp!))
                {
                    md.AppendLine($"- {line}");
                }

                md.AppendLine();
            }
        }
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

    // One fold per failed row; the first carries the section heading.
    private static IReadOnlyList<string> Failures(IReadOnlyList<ScenarioRow> rows)
    {
        var failed = rows.Where(r => !r.Verdict.Holds() && r.Verdict != ScenarioVerdict.Skipped).ToList();
        var sections = new List<string>(failed.Count);
        foreach (var row in failed)
        {
            var md = new StringBuilder();
            if (sections.Count == 0)
            {
                md.AppendLine("## Failed scenarios and environment errors").AppendLine();
            }

            Failure(md, row);
            sections.Add(md.ToString());
        }

        return sections;
    }

    private static void Failure(StringBuilder md, ScenarioRow row)
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
