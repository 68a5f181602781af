using System.Text;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Output;

/// <summary>The terminal table: one row per finding (severity, rule, file:line, field, message), its runtime effect and fix under it, then the counts.</summary>
public static class HumanFormat
{
    /// <summary>The table; <paramref name="failOn"/> is named in the closing line.</summary>
    public static string Write(PreflightResult result, Severity failOn)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var rows = result.Findings.Select(f => (Severity: f.Severity.Name(), f.RuleId, Where: $"{f.File}:{f.Line}", f.Field, Finding: f)).ToList();
        if (rows.Count > 0)
        {
            var widths = (
                Severity: Math.Max("SEVERITY".Length, rows.Max(r => r.Severity.Length)),
                Rule: Math.Max("RULE".Length, rows.Max(r => r.RuleId.Length)),
                Where: Math.Max("FILE:LINE".Length, rows.Max(r => r.Where.Length)),
                Field: Math.Max("FIELD".Length, rows.Max(r => r.Field.Length)));
            text.AppendLine($"{"SEVERITY".PadRight(widths.Severity)}  {"RULE".PadRight(widths.Rule)}  {"FILE:LINE".PadRight(widths.Where)}  {"FIELD".PadRight(widths.Field)}  MESSAGE");
            foreach (var row in rows)
            {
                text.AppendLine($"{row.Severity.PadRight(widths.Severity)}  {row.RuleId.PadRight(widths.Rule)}  {row.Where.PadRight(widths.Where)}  {row.Field.PadRight(widths.Field)}  {row.Finding.Message}");
                text.AppendLine($"    at runtime: {row.Finding.Runtime}");
                text.AppendLine($"    fix: {row.Finding.Fix}");
            }
        }

        foreach (var error in result.InputErrors)
        {
            text.AppendLine($"bad input: {error.Message}");
        }

        var verdict = result.ExitCode(failOn) switch
        {
            PreflightResult.BadInput => "bad input",
            PreflightResult.FindingsAtThreshold => $"findings at or above {failOn.Name()}",
            _ => $"nothing at or above {failOn.Name()}",
        };
        text.AppendLine($"preflight: {result.Summary()}; {verdict}");
        return text.ToString();
    }
}
