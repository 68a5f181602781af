using ProbeHarness.Kubelet.Timing;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Preflight.Advisor;

/// <summary>The advice as Markdown (advise.md, also printed) and JSON (advise.json).</summary>
public static class AdviceWriter
{
    /// <summary>What a figure the records do not hold reads as.</summary>
    public const string NotRecorded = "not recorded";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The JSON text: the <see cref="Advice"/> record, camelCase, probe types as names, missing figures as null.</summary>
    public static string Json(Advice advice) => JsonSerializer.Serialize(advice, JsonOptions) + Environment.NewLine;

    /// <summary>The Markdown text.</summary>
    public static string Markdown(Advice advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Probe advice: {advice.Workload}, container {advice.Container}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"From {advice.Records} scenario records in `{advice.Results}`; current settings from `{advice.Manifest}`. A recommendation keeps the false-restart risk per day, with p = max(k/n, 3/n), at or below {ProbeAdvisor.Risk(advice.MaxRiskPerDay)}.");
        md.AppendLine();
        md.AppendLine("## Measured");
        md.AppendLine();
        md.AppendLine("| figure | samples | median | p99 | max | source |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var m in advice.Measured)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m.What} | {m.Count} | {Sec(m.Median)} | {Sec(m.P99)} | {Sec(m.Max)} | {m.Source} |");
        }

        foreach (var probe in advice.Probes)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {Title(probe.Probe)}");
            md.AppendLine();
            if (probe.Probe == ProbeType.Startup)
            {
                md.AppendLine("| setting | periodSeconds | timeoutSeconds | failureThreshold | initialDelaySeconds | start budget (never killed within) | never-starting app killed at worst | starts over the budget | starts over the latest kill |");
                md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            }
            else
            {
                var what = ProbeAdvisor.Detects(probe.Probe);
                md.AppendLine(CultureInfo.InvariantCulture, $"| setting | periodSeconds | timeoutSeconds | failureThreshold | initialDelaySeconds | worst-case detection: hang / fail-fast | answers slower than T | false-{what} risk per period | per day | per day, p ≥ 3/n |");
                md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            }

            Row(md, "current", probe.Probe, probe.Current, probe.CurrentAssessment, probe.Current is null ? "the manifest has no such probe" : null);
            Row(md, "recommended", probe.Probe, probe.Recommended, probe.RecommendedAssessment, "no advice");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"How: {probe.Why}.");
            if ((probe.RecommendedAssessment ?? probe.CurrentAssessment) is { } shown)
            {
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"Detection window ({(probe.RecommendedAssessment is null ? "current" : "recommended")}, {(probe.Probe == ProbeType.Startup ? "a start that never succeeds" : "a hanging endpoint")}): {shown.Formula}.");
            }
        }

        if (advice.Notes.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Missing figures and caveats");
            md.AppendLine();
            foreach (var note in advice.Notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        md.AppendLine();
        md.AppendLine("## Formulas");
        md.AppendLine();
        md.AppendLine("- p = k/n, the share of the endpoint's measured latencies above timeoutSeconds (empirical); attempts are taken as independent.");
        md.AppendLine("- risk per period = p^failureThreshold; risk per day = 1 − (1 − p^failureThreshold)^(86400 / periodSeconds).");
        md.AppendLine("- \"p ≥ 3/n\": the same with p = max(k/n, 3/n), the rule of three: n samples without a slow answer bound p only to below 3/n (95 %).");
        md.AppendLine("- detection: the worst case of `ReactionWindow` (kubelet v1.32 profile), `p + (fT−1)·e + δ` with δ = T for a hanging endpoint, 0 for one that fails at once, e = max(p, δ).");
        md.AppendLine("- start budget: the earliest kill of a start that never succeeds, `max(d−1, 0) + (fT−1)·p`; a start shorter than it is never killed, one longer than `d + p + (fT−1)·p` always is.");
        return md.ToString();
    }

    private static void Row(StringBuilder md, string label, ProbeType type, ProbeSetting? setting, Assessment? a, string? absent)
    {
        if (setting is null || a is null)
        {
            var columns = type == ProbeType.Startup ? 8 : 9;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {absent}{string.Concat(Enumerable.Repeat(" | –", columns - 1))} |");
            return;
        }

        var fields = $"| {label} | {setting.PeriodSeconds} | {setting.TimeoutSeconds} | {setting.FailureThreshold} | {setting.InitialDelaySeconds} |";
        if (type == ProbeType.Startup)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"{fields} {Sec(a.StartBudgetSeconds)} | {Sec(a.DetectionSeconds)} | {Share(a.StartsOverBudget)} | {Share(a.StartsOverLatestKill)} |");
        }
        else
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"{fields} {Sec(a.DetectionSeconds)} / {Sec(a.FailFastDetectionSeconds)} | {Share(a.SlowAnswers)} | {Risk(a.RiskPerPeriod)} | {Risk(a.RiskPerDay)} | {Risk(a.RiskPerDayBound)} |");
        }
    }

    private static string Title(ProbeType type) => type.ToString();

    private static string Sec(double? seconds) => seconds is { } s ? $"{s.ToString("0.###", CultureInfo.InvariantCulture)} s" : NotRecorded;

    private static string Risk(double? risk) => risk is { } r ? ProbeAdvisor.Risk(r) : NotRecorded;

    private static string Share(Exceedance? share) => share is null
        ? NotRecorded
        : $"{share.Count} of {share.Samples} ({(share.Empirical * 100).ToString("0.##", CultureInfo.InvariantCulture)} %)";
}
