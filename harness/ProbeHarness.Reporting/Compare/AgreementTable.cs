using System.Text;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Compare;

/// <summary>The agreement table of two backends: per scenario, each verdict and the measured timings side by side.</summary>
/// <param name="LeftName">The left run's name, e.g. <c>emulated</c>.</param>
/// <param name="RightName">The right run's name, e.g. <c>kubeconfig</c>.</param>
/// <param name="Rows">One row per scenario either run has, by key.</param>
public sealed record AgreementTable(string LeftName, string RightName, IReadOnlyList<AgreementRow> Rows)
{
    /// <summary>Scenarios both ran and judged.</summary>
    public int Compared => Rows.Count(r => r.Agreement is Agreement.Agree or Agreement.Disagree);

    /// <summary>Scenarios both ran whose verdicts differ.</summary>
    public int Disagreements => Rows.Count(r => r.Agreement == Agreement.Disagree);

    /// <summary>Pairs up two runs by scenario key.</summary>
    public static AgreementTable Of(ComparedRun left, ComparedRun right)
    {
        var (leftName, rightName) = left.Name == right.Name ? ($"left ({left.Name})", $"right ({right.Name})") : (left.Name, right.Name);
        var leftRows = left.Rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Last());
        var rightRows = right.Rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Last());
        var rows = leftRows.Keys.Union(rightRows.Keys)
            .Order(StringComparer.Ordinal)
            .Select(key =>
            {
                var l = leftRows.GetValueOrDefault(key);
                var r = rightRows.GetValueOrDefault(key);
                return new AgreementRow(key, l, r, AgreementOf(l, r));
            })
            .ToList();
        return new AgreementTable(leftName, rightName, rows);
    }

    /// <summary>The table as Markdown, with a closing summary line.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine($"## Agreement: {LeftName} vs {RightName}").AppendLine();
        md.AppendLine($"| Scenario | {LeftName} verdict | {RightName} verdict | {LeftName} timings | {RightName} timings | Agreement |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in Rows)
        {
            var title = row.Left ?? row.Right!;
            md.AppendLine($"| {Cell($"{title.Feature}: {title.Scenario}")} | {Verdict(row.Left)} | {Verdict(row.Right)} | " +
                          $"{Timings(row.Left, row.Right)} | {Timings(row.Right, row.Left)} | {Word(row.Agreement)} |");
        }

        md.AppendLine();
        md.AppendLine(Summary());
        return md.ToString();
    }

    /// <summary>e.g. <c>12 scenario(s) ran on both: 11 agree, 1 disagree; 0 only on emulated, 2 only on k3s; 1 not comparable</c>.</summary>
    public string Summary() =>
        $"{Compared} scenario(s) ran on both: {Compared - Disagreements} agree, {Disagreements} disagree; " +
        $"{Rows.Count(r => r.Agreement == Agreement.OnlyLeft)} only on {LeftName}, {Rows.Count(r => r.Agreement == Agreement.OnlyRight)} only on {RightName}; " +
        $"{Rows.Count(r => r.Agreement == Agreement.NotComparable)} not comparable (skipped or environment error).";

    private static Agreement AgreementOf(ScenarioRow? left, ScenarioRow? right) => (left, right) switch
    {
        (null, _) => Agreement.OnlyRight,
        (_, null) => Agreement.OnlyLeft,
        _ when !left.Verdict.IsJudged() || !right.Verdict.IsJudged() => Agreement.NotComparable,
        _ when left.Verdict == right.Verdict || (left.Verdict.Holds() && right.Verdict.Holds()) => Agreement.Agree,
        _ => Agreement.Disagree,
    };

    private static string Verdict(ScenarioRow? row) => row is null ? "—" : (row.Verdict.Holds() ? "✅ " : "❌ ") + row.Verdict.ToDisplay();

    // Each side lists its timings; a timing the other side lacks is marked, so gaps stand out.
    private static string Timings(ScenarioRow? side, ScenarioRow? other)
    {
        if (side is null)
        {
            return "—";
        }

        var lines = side.Timings.Select(t =>
            $"{t.Name} {Format.Measured(t)} {Format.Window(t)}{(other is not null && other.Timings.All(o => o.Name != t.Name) ? " (only here)" : string.Empty)}");
        return Cell(string.Join("\n", lines));
    }

    private static string Word(Agreement agreement) => agreement switch
    {
        Agreement.Agree => "agree",
        Agreement.Disagree => "**DISAGREE**",
        Agreement.OnlyLeft => "only left",
        Agreement.OnlyRight => "only right",
        _ => "not comparable",
    };

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);
}
