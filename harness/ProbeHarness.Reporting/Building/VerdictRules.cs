using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Building;

/// <summary>Decides a scenario's <see cref="ScenarioVerdict"/> from its record's outcome and timing verdicts.</summary>
public static class VerdictRules
{
    /// <summary>The verdict and a one-line reason, e.g. <c>(Late, "fault→restart 41.2 s > 35 s")</c>.</summary>
    /// <remarks>
    /// Order: environment error and skip first (nothing was judged); then timing verdicts, worst first
    /// (missed, false positive, late); then a failed expectation; then within bound when a bounded timing was measured.
    /// </remarks>
    public static (ScenarioVerdict Verdict, string Reason) Decide(ScenarioRecord record)
    {
        var outcome = Normalize(record.Outcome);
        switch (outcome)
        {
            case "environmenterror" or "error" or "enverror":
                return (ScenarioVerdict.EnvironmentError, record.Message ?? "the environment failed");
            case "skipped" or "skip" or "notexecuted" or "ignored":
                return (ScenarioVerdict.Skipped, record.Message ?? "skipped");
            case "authoringerror":
                return (ScenarioVerdict.AuthoringError, record.Message ?? $"{record.FeatureFile}:{record.Line}: the scenario cannot run as written");
            case not ("passed" or "pass" or "success" or "failed" or "fail" or "failure"):
                return (ScenarioVerdict.EnvironmentError, $"the record's outcome '{record.Outcome}' is not passed, failed, skipped, environment-error or authoring-error");
        }

        var timings = record.Timings ?? [];
        if (timings.FirstOrDefault(t => TimingKind(t) == "missed") is { } missed)
        {
            return (ScenarioVerdict.Missed, $"{missed.Name} never happened; {Window(missed)}");
        }

        if (timings.FirstOrDefault(t => TimingKind(t) == "false-positive") is { } falsePositive)
        {
            return (ScenarioVerdict.FalsePositive, $"{falsePositive.Name} at {Seconds(falsePositive.MeasuredSeconds)}; {Window(falsePositive)}");
        }

        if (timings.FirstOrDefault(t => TimingKind(t) == "late") is { } late)
        {
            return (ScenarioVerdict.Late, $"{late.Name} at {Seconds(late.MeasuredSeconds)}; {Window(late)}");
        }

        if (outcome is "failed" or "fail" or "failure")
        {
            var failedExpectation = (record.Expectations ?? []).FirstOrDefault(e => !e.Held);
            return (ScenarioVerdict.Failed, failedExpectation?.Text ?? record.Message ?? "the scenario failed");
        }

        var bounded = timings.Count(t => TimingKind(t) == "within-bound");
        return bounded > 0
            ? (ScenarioVerdict.WithinBound, $"{bounded} timing(s) within bound")
            : (ScenarioVerdict.Held, "every expectation held; no bounded timing");
    }

    /// <summary>A timing verdict's canonical word: within-bound, late, missed, false-positive (also <c>early</c>, <c>unexpected</c>) or unbounded.</summary>
    public static string TimingKind(TimingRecord timing) => Normalize(timing.Verdict) switch
    {
        "withinbound" or "within" or "ok" or "inbound" => "within-bound",
        "late" => "late",
        "missed" or "miss" or "never" => "missed",
        "early" or "falsepositive" or "unexpected" => "false-positive",
        _ => "unbounded",
    };

    /// <summary>True when the timing has a window it was judged against.</summary>
    public static bool IsBounded(TimingRecord timing) => TimingKind(timing) != "unbounded";

    private static string Normalize(string? word) =>
        new((word ?? string.Empty).Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());

    private static string Seconds(double? value) => Format.Seconds(value);

    private static string Window(TimingRecord timing) =>
        $"window {Format.Window(timing)}";
}
