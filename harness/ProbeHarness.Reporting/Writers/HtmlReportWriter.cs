using System.Globalization;
using System.Net;
using System.Text;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Writers;

/// <summary>Writes index.html: one self-contained page (inline CSS, the timing chart as inline SVG, timelines as SVG data URIs) that opens from disk and fits a 1280 px screen.</summary>
public static partial class HtmlReportWriter
{
    /// <summary>The report as HTML; <paramref name="timelineSvg"/> gives each row's timeline picture as SVG text; <paramref name="sections"/> come before the file list.</summary>
    public static string Write(ResilienceReport report, Func<ScenarioRow, string> timelineSvg, IReadOnlyList<ReportSection>? sections = null)
    {
        var header = report.Header;
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<title>{E((header.Emulated ? "[emulated] " : string.Empty) + "Probe resilience report")}</title>");
        html.AppendLine($"<style>{Styles}</style></head><body>");
        if (header.Emulated)
        {
            html.AppendLine($"<div class=\"banner emulated\">[emulated] {E(header.Banner)}</div>");
        }

        html.AppendLine($"<h1>{(header.Emulated ? "[emulated] " : string.Empty)}Probe resilience report</h1>");
        Header(html, header);
        Scores(html, report.Scores);
        Problems(html, header.Problems);
        html.Append(TimingBandChart.Html(report.Scenarios));
        Table(html, report.Scenarios);
        foreach (var (row, index) in report.Scenarios.Select((r, i) => (r, i)))
        {
            Scenario(html, row, index, timelineSvg(row));
        }

        foreach (var section in sections ?? [])
        {
            html.AppendLine($"<section class=\"extra\" id=\"{E(section.Id)}\"><h2>{E(section.Title)}</h2>");
            html.AppendLine(section.Html);
            html.AppendLine("</section>");
        }

        Artifacts(html, report.Artifacts);
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void Header(StringBuilder html, ReportHeader header)
    {
        html.AppendLine("<table class=\"facts\">");
        Fact(html, "Backend", string.Join(", ", header.Backends) + (header.Emulated ? " (EMULATED: no real kubelet)" : string.Empty));
        Fact(html, "Kubernetes", header.KubernetesVersions.Count == 0 ? "unknown" : string.Join(", ", header.KubernetesVersions));
        Fact(html, "Images", header.ImageDigests.Count == 0 ? "digests unknown" : string.Join("\n", header.ImageDigests.Select(d => $"{d.Key}@{d.Value}")));
        Fact(html, "Host", header.Host);
        Fact(html, "Started", header.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC");
        Fact(html, "Suite wall time", Format.Seconds(header.DurationSeconds));
        if (header.Benchmark is { } benchmark)
        {
            Fact(html, "Benchmark", benchmark.Summary);
        }

        Fact(html, "Scenarios", RowText.Counts(header.Counts));
        Fact(html, "Verdicts", RowText.VerdictBreakdown(header.Counts));
        html.AppendLine("</table>");
    }

    private static void Scores(StringBuilder html, ReportScores scores)
    {
        html.AppendLine("<div class=\"scores\">");
        foreach (var score in new[] { scores.Conformance, scores.Timing })
        {
            html.AppendLine($"<div class=\"score\"><div class=\"score-value\">{E(score.Display)}</div>" +
                            $"<div class=\"score-name\">{E(score.Name)} score</div><p>{E(score.Explanation)}</p></div>");
        }

        html.AppendLine("</div>");
    }

    private static void Problems(StringBuilder html, IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        html.AppendLine("<h2>Problems reading the results</h2><ul class=\"problems\">");
        foreach (var problem in problems)
        {
            html.AppendLine($"<li>{E(problem)}</li>");
        }

        html.AppendLine("</ul>");
    }

    private static void Table(StringBuilder html, IReadOnlyList<ScenarioRow> rows)
    {
        html.AppendLine("<h2 id=\"scenarios\">Scenarios</h2>");
        if (rows.Count == 0)
        {
            html.AppendLine("<p>No scenario left a record.</p>");
            return;
        }

        html.AppendLine("<table class=\"scenarios\"><thead><tr>");
        foreach (var column in RowText.Columns)
        {
            html.Append($"<th>{E(column)}</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            html.Append($"<tr class=\"{VerdictClass(row.Verdict)}{(row.VerdictChanged ? " changed" : string.Empty)}\">");
            var cells = RowText.Cells(row);
            for (var column = 0; column < cells.Count; column++)
            {
                var text = string.Join("<br>", cells[column].Select(E));
                html.Append(column switch
                {
                    RowText.ScenarioColumn => $"<td><a href=\"#scenario-{index + 1}\">{text}</a></td>",
                    RowText.WindowColumn when RowText.JudgedTiming(row) is { } judged => $"<td>{WindowCell(judged)}</td>",
                    RowText.MeasuredColumn when RowText.JudgedTiming(row) is { } judged => $"<td>{MeasuredCell(judged, row.Timings)}</td>",
                    _ => $"<td>{text}</td>",
                });
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table>");
    }

    // The window in the cell, its formula (long) folded.
    private static string WindowCell(TimingRecord timing) =>
        $"{E($"{timing.Name}: {Format.Window(timing)}")}{(string.IsNullOrWhiteSpace(timing.Formula) ? string.Empty : Folded("formula", timing.Formula))}";

    // The measurement with its precision and source note; every timing of the row folded below when there are more.
    private static string MeasuredCell(TimingRecord timing, IReadOnlyList<TimingRecord> timings) =>
        E(Format.Measured(timing)) + (timing.SourceNote is { } note ? $"<br><small>{E(note)}</small>" : string.Empty) +
        (timings.Count > 1 ? $"<details><summary>{timings.Count} timings</summary><ul>{string.Concat(timings.Select(t => $"<li>{E(Format.Timing(t))}</li>"))}</ul></details>" : string.Empty);

    private static string Folded(string title, string text) => $"<details><summary>{E(title)}</summary>{E(text)}</details>";

    private static void Scenario(StringBuilder html, ScenarioRow row, int index, string svg)
    {
        html.AppendLine($"<section class=\"scenario {VerdictClass(row.Verdict)}\" id=\"scenario-{index + 1}\">");
        html.AppendLine($"<h3><span class=\"label\">{E(row.Label)}</span> {E(row.Scenario)} <span class=\"verdict\">{E(string.Join(", ", RowText.Verdict(row)))}</span></h3>");
        html.AppendLine($"<p class=\"meta\">{E(row.Feature)} · <code>{E(row.Location)}</code> · {E(string.Join(" ", row.Tags.Select(t => "@" + t)))} · " +
                        $"started {E(row.StartedAt.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture))} UTC · wall {E(Format.Seconds(row.DurationSeconds))}</p>");
        html.AppendLine($"<p class=\"reason\">{E(row.VerdictReason)}</p>");
        if (row.Message is { } message)
        {
            html.AppendLine($"<pre class=\"message\">{E(message)}</pre>");
        }

        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        html.AppendLine($"<img class=\"timeline\" alt=\"{E($"{row.Label} timeline of {row.Scenario}")}\" src=\"data:image/svg+xml;base64,{base64}\">");

        List(html, "Probes", row.Probes.Select(Format.Probe));
        if (row.OwnApp is { } app)
        {
            List(html, "Your app", Format.OwnApp(app));
        }

        List(html, "Faults", row.Faults.Select(Format.Fault));
        List(html, "Expectations", row.Expectations.Select(e => $"{(e.Held ? "held" : "NOT HELD")}: {e.Text}{(e.Detail is null ? string.Empty : $" ({e.Detail})")}"));
        Timings(html, row.Timings);
        if (row.Trend is { } trend)
        {
            List(html, $"Trend over {trend.Runs} run(s) on this backend", RowText.Trend(row).Prepend($"previous verdict: {trend.PreviousVerdict ?? "none"}"));
        }

        Diagnostics(html, row);
        html.AppendLine("</section>");
    }

    private static void Timings(StringBuilder html, IReadOnlyList<TimingRecord> timings)
    {
        if (timings.Count == 0)
        {
            return;
        }

        html.AppendLine("<table class=\"timings\"><thead><tr><th>Timing</th><th>Measured</th><th>Window</th><th>Verdict</th><th>Formula</th></tr></thead><tbody>");
        foreach (var timing in timings)
        {
            var note = timing.SourceNote is { } n ? $"<br><small>{E(n)}</small>" : string.Empty;
            var formula = string.IsNullOrWhiteSpace(timing.Formula) ? string.Empty : Folded("formula", timing.Formula);
            html.AppendLine($"<tr class=\"timing-{E(Format.Verdict(timing.Verdict))}\"><td>{E(timing.Name)}</td><td>{E(Format.Measured(timing))}{note}</td>" +
                            $"<td>{E(Format.Window(timing))}</td><td>{E(Format.Verdict(timing.Verdict))}</td><td>{formula}</td></tr>");
        }

        html.AppendLine("</tbody></table>");
    }

    private static void Diagnostics(StringBuilder html, ScenarioRow row)
    {
        if (row.Diagnostics is not { } diagnostics)
        {
            return;
        }

        foreach (var (name, log) in diagnostics.Logs)
        {
            Fold(html, $"Log {name}", log);
        }

        Fold(html, "Events", string.Join("\n", diagnostics.Events));
        Fold(html, "Pods", diagnostics.PodsYaml);
        Fold(html, "EndpointSlices", diagnostics.EndpointSlicesYaml);
    }

    private static void Artifacts(StringBuilder html, ReportArtifacts artifacts)
    {
        html.AppendLine("<h2>Files</h2><ul class=\"files\">");
        foreach (var file in new[] { "report.json", "report.md", artifacts.JUnit }.Concat(artifacts.Trx is null ? [] : [artifacts.Trx]).Concat(artifacts.Cucumber))
        {
            html.AppendLine($"<li><a href=\"{E(file)}\">{E(file)}</a></li>");
        }

        html.AppendLine("</ul>");
    }

    private static void Fact(StringBuilder html, string name, string value) =>
        html.AppendLine($"<tr><th>{E(name)}</th><td>{E(value).Replace("\n", "<br>", StringComparison.Ordinal)}</td></tr>");

    private static void List(StringBuilder html, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        html.AppendLine($"<h4>{E(title)}</h4><ul>");
        foreach (var item in list)
        {
            html.AppendLine($"<li>{E(item)}</li>");
        }

        html.AppendLine("</ul>");
    }

    private static void Fold(StringBuilder html, string title, string text) =>
        html.AppendLine($"<details><summary>{E(title)}</summary><pre>{E(text)}</pre></details>");

    private static string VerdictClass(ScenarioVerdict verdict) => "verdict-" + verdict.ToKey();

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
