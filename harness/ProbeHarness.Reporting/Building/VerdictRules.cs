using ProbeHarness.Kubelet.Timing;
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
        if (timings.FirstOrDefault(t => t.Verdict == TimingVerdict.Missed) is { } missed)
        {
            return (ScenarioVerdict.Missed, $"{missed.Name} never happened; {Window(missed)}");
        }

        if (timings.FirstOrDefault(t => t.Verdict == TimingVerdict.Early) is { } falsePositive)
        {
            return (ScenarioVerdict.FalsePositive, $"{falsePositive.Name} at {Format.Measured(falsePositive)}; {Window(falsePositive)}");
        }

        if (timings.FirstOrDefault(t => t.Verdict == TimingVerdict.Late) is { } late)
        {
            return (ScenarioVerdict.Late, $"{late.Name} at {Format.Measured(late)}; {Window(late)}");
        }

        if (outcome is "failed" or "fail" or "failure")
        {
            var failedExpectation = (record.Expectations ?? []).FirstOrDefault(e => !e.Held);
            return (ScenarioVerdict.Failed, failedExpectation?.Text ?? record.Message ?? "the scenario failed");
        }

        var bounded = timings.Count(t => t.Verdict == TimingVerdict.WithinBound);
        return bounded > 0
            ? (ScenarioVerdict.WithinBound, $"{bounded} timing(s) within bound")
            : (ScenarioVerdict.Held, "every expectation held; no bounded timing");
    }

    private static string Normalize(string? word) =>
        new((word ?? string.Empty).Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());

    private static string Window(TimingRecord timing) =>
        $"window {Format.Window(timing)}";
}
