using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Preflight.Advisor;

/// <summary>A probe's timing fields (defaults applied).</summary>
public sealed record ProbeSetting(int PeriodSeconds, int TimeoutSeconds, int FailureThreshold, int InitialDelaySeconds);

/// <summary>What a setting does with the measured app.</summary>
/// <param name="DetectionSeconds">Worst-case detection from <see cref="Kubelet.Timing.ReactionWindow"/>: liveness/readiness after the endpoint starts hanging (the slowest fault, δ = T); startup: how long a start that never succeeds runs before the kill.</param>
/// <param name="FailFastDetectionSeconds">Worst-case detection of an endpoint that fails at once (liveness/readiness); for startup the same as <paramref name="DetectionSeconds"/>.</param>
/// <param name="Formula">The window's formula with the values filled in.</param>
public sealed record Assessment(double DetectionSeconds, double FailFastDetectionSeconds, string Formula)
{
    /// <summary>Latency samples of the endpoint slower than the timeout (liveness/readiness); null when no latency is recorded.</summary>
    public Exceedance? SlowAnswers { get; init; }

    /// <summary>p^fT with the empirical p; null without latencies.</summary>
    public double? RiskPerPeriod { get; init; }

    /// <summary>1 − (1 − p^fT)^(86400/period) with the empirical p; null without latencies.</summary>
    public double? RiskPerDay { get; init; }

    /// <summary>The same with p = max(k/n, 3/n), what the sample can vouch for; null without latencies.</summary>
    public double? RiskPerDayBound { get; init; }

    /// <summary>Startup: the longest start that is never killed (the window's earliest kill); null for other probes.</summary>
    public double? StartBudgetSeconds { get; init; }

    /// <summary>Startup: measured starts longer than <see cref="StartBudgetSeconds"/> (may be killed); null without starts.</summary>
    public Exceedance? StartsOverBudget { get; init; }

    /// <summary>Startup: measured starts longer than the latest kill (always killed); null without starts.</summary>
    public Exceedance? StartsOverLatestKill { get; init; }
}

/// <summary>The advice for one probe.</summary>
/// <param name="Probe">Liveness, readiness or startup.</param>
/// <param name="Current">The manifest's setting; null when the container has no such probe.</param>
/// <param name="CurrentAssessment">What the current setting does; null without one.</param>
/// <param name="Recommended">The advised setting; null when the records give nothing to base it on.</param>
/// <param name="RecommendedAssessment">What the advised setting does.</param>
/// <param name="Why">How the advice was chosen, or why there is none.</param>
public sealed record ProbeAdvice(
    ProbeType Probe,
    ProbeSetting? Current,
    Assessment? CurrentAssessment,
    ProbeSetting? Recommended,
    Assessment? RecommendedAssessment,
    string Why);

/// <summary>Measured figures of one kind: count and quantiles in seconds.</summary>
public sealed record SampleSummary(string What, int Count, double? Median, double? P99, double? Max, string Source);

/// <summary>One point of the trade-off picture: a liveness setting, its worst-case detection and its daily false-restart risk.</summary>
public sealed record GridPoint(ProbeSetting Setting, double DetectionSeconds, double RiskPerDay, double RiskPerDayBound);

/// <summary>Everything the advisor says.</summary>
/// <param name="Results">The records' folder or report.json.</param>
/// <param name="Manifest">The manifest the current settings came from.</param>
/// <param name="Workload">e.g. <c>Deployment/target-app</c>.</param>
/// <param name="Container">The container whose probes are advised.</param>
/// <param name="MaxRiskPerDay">The daily false-restart risk a recommendation may have at most (computed with p = max(k/n, 3/n)).</param>
/// <param name="Records">Records read (skipped and environment-error ones not counted).</param>
/// <param name="Measured">Latency and start summaries.</param>
/// <param name="Probes">Liveness, readiness, startup.</param>
/// <param name="LivenessGrid">failureThreshold × periodSeconds at the advised (or current) liveness timeout; empty without latencies.</param>
/// <param name="Notes">What is missing, in words.</param>
public sealed record Advice(
    string Results,
    string Manifest,
    string Workload,
    string Container,
    double MaxRiskPerDay,
    int Records,
    IReadOnlyList<SampleSummary> Measured,
    IReadOnlyList<ProbeAdvice> Probes,
    IReadOnlyList<GridPoint> LivenessGrid,
    IReadOnlyList<string> Notes);
