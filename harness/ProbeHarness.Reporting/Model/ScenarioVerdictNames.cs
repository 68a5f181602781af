namespace ProbeHarness.Reporting.Model;

/// <summary>The words each <see cref="ScenarioVerdict"/> is shown and stored as.</summary>
public static class ScenarioVerdictNames
{
    /// <summary>The stored form, e.g. <c>within-bound</c>, as in report.json.</summary>
    public static string ToKey(this ScenarioVerdict verdict) => verdict switch
    {
        ScenarioVerdict.WithinBound => "within-bound",
        ScenarioVerdict.Held => "held",
        ScenarioVerdict.Late => "late",
        ScenarioVerdict.Missed => "missed",
        ScenarioVerdict.FalsePositive => "false-positive",
        ScenarioVerdict.Failed => "failed",
        ScenarioVerdict.EnvironmentError => "environment-error",
        ScenarioVerdict.Skipped => "skipped",
        ScenarioVerdict.AuthoringError => "authoring-error",
        ScenarioVerdict.NotRun => "not-run",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary>The human form, e.g. <c>within bound</c>.</summary>
    public static string ToDisplay(this ScenarioVerdict verdict) => verdict.ToKey().Replace('-', ' ');

    /// <summary>True when the verdict counts as the scenario's expectations holding.</summary>
    public static bool Holds(this ScenarioVerdict verdict) => verdict is ScenarioVerdict.WithinBound or ScenarioVerdict.Held;

    /// <summary>True when the verdict judges the kubelet (not skipped, not run, not an environment or authoring error).</summary>
    public static bool IsJudged(this ScenarioVerdict verdict) =>
        verdict is not (ScenarioVerdict.Skipped or ScenarioVerdict.EnvironmentError or ScenarioVerdict.AuthoringError or ScenarioVerdict.NotRun);

    /// <summary>Parses the stored form; null for a word this version does not know.</summary>
    public static ScenarioVerdict? Parse(string? key) =>
        Enum.GetValues<ScenarioVerdict>().Select(v => (ScenarioVerdict?)v).FirstOrDefault(v => v!.Value.ToKey() == key);
}
