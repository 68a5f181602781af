using System.Globalization;
using System.Net;
using System.Text;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Preflight.Input;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Preflight.Advisor;

/// <summary>The advisor as a section of the report's index.html: the settings table and the trade-off picture.</summary>
public static class AdvisorSection
{
    /// <summary>The section for manifests/target-app.yaml of the repository; null when the repository is not found (a tool run outside it), see <see cref="For"/>.</summary>
    public static ReportSection? ForTargetApp(string results)
    {
        return DeployedManifest.TryFind() is { } manifest ? For(results, manifest) : null;
    }

    /// <summary>The section for the records in <paramref name="results"/> and the probes of <paramref name="manifest"/>; null when the input is unusable or the records hold neither a latency nor a start.</summary>
    public static ReportSection? For(string results, string manifest)
    {
        Advice advice;
        try
        {
            var samples = RecordedSamples.From(AdvisorInput.ReadRecords(results));
            if (samples.Latencies.Count == 0 && samples.Starts.Count == 0)
            {
                return null;
            }

            advice = ProbeAdvisor.Advise(samples, AdvisorInput.ReadManifest(manifest), results);
        }
        catch (AdvisorInputException)
        {
            // The report says what is wrong with the records; a manifest problem is the advise verb's to report.
            return null;
        }

        return new ReportSection("probe-advice", $"Probe advice: {advice.Workload}, container {advice.Container}", Html(advice));
    }

    /// <summary>The section's HTML.</summary>
    public static string Html(Advice advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var html = new StringBuilder();
        html.AppendLine(CultureInfo.InvariantCulture, $"<p>From {advice.Records} records; current settings from <code>{E(advice.Manifest)}</code>. Recommendations keep the false-restart risk per day (p = max(k/n, 3/n)) at or below {E(ProbeAdvisor.Risk(advice.MaxRiskPerDay))}. Formulas: docs/preflight.md, section Advisor. <code>advise --out</code> writes the same as advise.md/json/svg.</p>");
        html.AppendLine("<table class=\"timings\"><thead><tr><th>Probe</th><th>Setting</th><th>period / timeout / failureThreshold / delay</th><th>Worst-case detection</th><th>Risk</th></tr></thead><tbody>");
        foreach (var probe in advice.Probes)
        {
            Row(html, probe.Probe, "current", probe.Current, probe.CurrentAssessment);
            Row(html, probe.Probe, "recommended", probe.Recommended, probe.RecommendedAssessment);
        }

        html.AppendLine("</tbody></table><ul>");
        foreach (var probe in advice.Probes)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<li>{E(ProbeAdvisor.Name(probe.Probe))}: {E(probe.Why)}</li>");
        }

        foreach (var note in advice.Notes)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<li>{E(note)}</li>");
        }

        html.AppendLine("</ul>");
        var svg = Convert.ToBase64String(Encoding.UTF8.GetBytes(AdvicePlot.ToSvg(advice)));
        html.AppendLine(CultureInfo.InvariantCulture, $"<img class=\"timeline\" alt=\"liveness detection time against false-restart risk\" src=\"data:image/svg+xml;base64,{svg}\">");
        return html.ToString();
    }

    private static void Row(StringBuilder html, ProbeType type, string label, ProbeSetting? setting, Assessment? a)
    {
        string values, detection, risk;
        if (setting is null || a is null)
        {
            (values, detection, risk) = (label == "current" ? "no such probe" : "no advice", "–", "–");
        }
        else
        {
            values = $"{setting.PeriodSeconds} s / {setting.TimeoutSeconds} s / {setting.FailureThreshold} / {setting.InitialDelaySeconds} s";
            detection = type == ProbeType.Startup
                ? $"never-starting app killed at worst {S(a.DetectionSeconds)} s; start budget {S(a.StartBudgetSeconds ?? 0)} s"
                : $"{S(a.DetectionSeconds)} s hang, {S(a.FailFastDetectionSeconds)} s fail-fast";
            risk = type == ProbeType.Startup
                ? a.StartsOverBudget is { } over ? $"{over.Count} of {over.Samples} measured starts over the budget" : AdviceWriter.NotRecorded
                : a.RiskPerDay is { } day ? $"{ProbeAdvisor.Risk(day)} per day ({ProbeAdvisor.Risk(a.RiskPerDayBound!.Value)} with p ≥ 3/n), {a.SlowAnswers!.Count} of {a.SlowAnswers.Samples} answers > T" : AdviceWriter.NotRecorded;
        }

        html.AppendLine(CultureInfo.InvariantCulture, $"<tr><td>{E(ProbeAdvisor.Name(type))}</td><td>{E(label)}</td><td>{E(values)}</td><td>{E(detection)}</td><td>{E(risk)}</td></tr>");
    }

    private static string S(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
