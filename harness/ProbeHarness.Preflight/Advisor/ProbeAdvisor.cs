using ProbeHarness.Kubelet.Timing;
using System.Globalization;
using k8s.Models;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;

namespace ProbeHarness.Preflight.Advisor;

/// <summary>The probes of the container whose settings are advised, as the manifest has them.</summary>
public sealed record AdvisedContainer(string Manifest, string Workload, string Container, V1Probe? Liveness, V1Probe? Readiness, V1Probe? Startup)
{
    /// <summary>The manifest's probe of <paramref name="type"/>, or null.</summary>
    public V1Probe? ProbeOf(ProbeType type) => type switch
    {
        ProbeType.Liveness => Liveness,
        ProbeType.Readiness => Readiness,
        _ => Startup,
    };
}

/// <summary>
/// Recommends probe settings from measured latencies and starts. Liveness and readiness: over periodSeconds
/// <see cref="Periods"/> × timeoutSeconds <see cref="Timeouts"/> (below the period, PH005) × failureThreshold 1…10
/// (liveness from 2, PH009), the fastest worst-case detection (a hanging endpoint, <see cref="ReactionWindow"/>) whose daily
/// false-detection risk with p = max(k/n, 3/n) is at most the budget. Startup: the current period, timeout and delay, and the
/// smallest failureThreshold whose start budget (the earliest possible kill) is at least <see cref="StartMargin"/> × the longest
/// measured start.
/// </summary>
public static class ProbeAdvisor
{
    /// <summary>The default daily false-restart risk a recommendation may have (one in a thousand days, about three years).</summary>
    public const double DefaultMaxRiskPerDay = 0.001;

    /// <summary>The start budget a recommendation gives, as a multiple of the longest measured start.</summary>
    public const double StartMargin = 2;

    /// <summary>The highest failureThreshold the liveness/readiness grid tries.</summary>
    public const int MaxFailureThreshold = 10;

    /// <summary>The periods tried (below 5 s the probe load grows, above 30 s detection is slow).</summary>
    public static IReadOnlyList<int> Periods { get; } = [5, 10, 15, 20, 30];

    /// <summary>The timeouts tried.</summary>
    public static IReadOnlyList<int> Timeouts { get; } = [1, 2, 3, 5];

    private static readonly ProbeType[] Types = [ProbeType.Liveness, ProbeType.Readiness, ProbeType.Startup];

    /// <summary>The advice for <paramref name="container"/> from <paramref name="samples"/>.</summary>
    public static Advice Advise(RecordedSamples samples, AdvisedContainer container, string results, double maxRiskPerDay = DefaultMaxRiskPerDay)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(container);
        var notes = new List<string>(samples.Notes);
        var measured = new List<SampleSummary>();
        var latencies = new Dictionary<ProbeType, (IReadOnlyList<double> Values, string Source)>();
        foreach (var type in Types)
        {
            var own = samples.LatenciesOf(type);
            var values = own.Count > 0 ? own : [.. samples.Latencies.Select(l => l.Seconds)];
            var source = own.Count > 0 ? $"{Name(type)} endpoint (app log durationMs)" : $"all probe endpoints pooled: no {Name(type)} answer recorded";
            latencies[type] = (values, source);
            measured.Add(Summary($"{Name(type)} latency", values, values.Count == 0 ? "not recorded" : source));
            if (own.Count == 0 && values.Count > 0)
            {
                notes.Add($"no {Name(type)} probe answer is recorded: its risk uses the latencies of all probe endpoints ({values.Count})");
            }
        }

        var starts = samples.Starts.Select(s => s.Seconds).ToList();
        measured.Add(Summary("start", starts, starts.Count == 0 ? "not recorded" : string.Join("; ", samples.Starts.GroupBy(s => StartKind(s.How)).Select(g => $"{g.Key} ×{g.Count()}"))));

        var probes = new List<ProbeAdvice>();
        IReadOnlyList<GridPoint> grid = [];
        foreach (var type in Types)
        {
            var current = container.ProbeOf(type) is { } spec ? SettingOf(spec) : null;
            var (values, _) = latencies[type];
            var currentAssessment = current is null ? null : Assess(type, current, values, starts);
            var (recommended, why) = type == ProbeType.Startup
                ? RecommendStartup(current, starts)
                : RecommendTiming(type, current, values, maxRiskPerDay);
            probes.Add(new ProbeAdvice(type, current, currentAssessment, recommended, recommended is null ? null : Assess(type, recommended, values, starts), why));
            if (type == ProbeType.Liveness && values.Count > 0)
            {
                grid = Grid((recommended ?? current)?.TimeoutSeconds ?? ProbeDefaults.TimeoutSeconds, current, recommended, values);
            }
        }

        return new Advice(results, container.Manifest, container.Workload, container.Container, maxRiskPerDay, samples.Records, measured, probes, grid, notes);
    }

    /// <summary>What <paramref name="setting"/> does with the measured latencies (liveness/readiness) or starts (startup).</summary>
    public static Assessment Assess(ProbeType type, ProbeSetting setting, IReadOnlyList<double> latencies, IReadOnlyList<double> starts)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(latencies);
        ArgumentNullException.ThrowIfNull(starts);
        var probe = ProbeOf(setting);
        if (type == ProbeType.Startup)
        {
            var window = ReactionWindow.Predict(new ReactionQuery(type, probe, ProbeFault.FailFast() with { PresentFromStart = true }, Reactions.DetectionOf(type)));
            var budget = window.Min.TotalSeconds;
            return new Assessment(window.Max.TotalSeconds, window.Max.TotalSeconds, window.Formula)
            {
                StartBudgetSeconds = budget,
                StartsOverBudget = starts.Count == 0 ? null : FalseRestartRisk.Exceeding(starts, budget),
                StartsOverLatestKill = starts.Count == 0 ? null : FalseRestartRisk.Exceeding(starts, window.Max.TotalSeconds),
            };
        }

        var hang = ReactionWindow.Predict(new ReactionQuery(type, probe, ProbeFault.Hang(), Reactions.DetectionOf(type)));
        var failFast = ReactionWindow.Predict(new ReactionQuery(type, probe, ProbeFault.FailFast(), Reactions.DetectionOf(type)));
        var assessment = new Assessment(hang.Max.TotalSeconds, failFast.Max.TotalSeconds, hang.Formula);
        if (latencies.Count == 0)
        {
            return assessment;
        }

        var slow = FalseRestartRisk.Exceeding(latencies, setting.TimeoutSeconds);
        return assessment with
        {
            SlowAnswers = slow,
            RiskPerPeriod = FalseRestartRisk.PerPeriod(slow.Empirical, setting.FailureThreshold),
            RiskPerDay = FalseRestartRisk.PerDay(slow.Empirical, setting.FailureThreshold, setting.PeriodSeconds),
            RiskPerDayBound = FalseRestartRisk.PerDay(slow.Resolvable, setting.FailureThreshold, setting.PeriodSeconds),
        };
    }

    /// <summary>The manifest's probe as a setting, the API server's defaults applied.</summary>
    public static ProbeSetting SettingOf(V1Probe probe)
    {
        var applied = ProbeDefaults.Apply(probe);
        return new ProbeSetting(applied.PeriodSeconds!.Value, applied.TimeoutSeconds!.Value, applied.FailureThreshold!.Value, applied.InitialDelaySeconds ?? 0);
    }

    private static (ProbeSetting? Setting, string Why) RecommendTiming(ProbeType type, ProbeSetting? current, IReadOnlyList<double> latencies, double maxRiskPerDay)
    {
        if (latencies.Count == 0)
        {
            return (null, $"no advice: no probe latency is recorded, so the false-{Detects(type)} risk of any setting is unknown; the current setting stays");
        }

        var delay = current?.InitialDelaySeconds ?? 0;
        var lowest = type == ProbeType.Liveness ? 2 : 1;
        var candidates = (
            from period in Periods
            from timeout in Timeouts
            where timeout < period
            from threshold in Enumerable.Range(lowest, MaxFailureThreshold - lowest + 1)
            let setting = new ProbeSetting(period, timeout, threshold, delay)
            let assessment = Assess(type, setting, latencies, [])
            select (Setting: setting, Assessment: assessment)).ToList();
        var space = $"periodSeconds {{{string.Join(", ", Periods)}}} × timeoutSeconds {{{string.Join(", ", Timeouts)}}} (below the period) × failureThreshold {lowest}…{MaxFailureThreshold}";
        var allowed = candidates.Where(c => c.Assessment.RiskPerDayBound <= maxRiskPerDay).ToList();
        if (allowed.Count > 0)
        {
            var best = allowed
                .OrderBy(c => c.Assessment.DetectionSeconds)
                .ThenBy(c => c.Assessment.RiskPerDayBound)
                .ThenByDescending(c => c.Setting.PeriodSeconds)
                .First();
            return (best.Setting, $"the fastest worst-case detection (hanging endpoint) of {space} whose false-{Detects(type)} risk per day, with p = max(k/n, 3/n) from {latencies.Count} latencies, is at most {Risk(maxRiskPerDay)}");
        }

        var safest = candidates.OrderBy(c => c.Assessment.RiskPerDayBound).ThenBy(c => c.Assessment.DetectionSeconds).First();
        return (safest.Setting, $"no setting of {space} keeps the false-{Detects(type)} risk per day (p = max(k/n, 3/n) from {latencies.Count} latencies) at or below {Risk(maxRiskPerDay)}: this is the lowest-risk one; more latency samples (3/n falls with n) or a faster endpoint would allow a better one");
    }

    private static (ProbeSetting? Setting, string Why) RecommendStartup(ProbeSetting? current, IReadOnlyList<double> starts)
    {
        if (starts.Count == 0)
        {
            return (null, "no advice: no start time is recorded; the current setting stays");
        }

        var longest = starts.Max();
        var target = StartMargin * longest;
        var period = current?.PeriodSeconds ?? ProbeDefaults.PeriodSeconds;
        var timeout = current?.TimeoutSeconds ?? ProbeDefaults.TimeoutSeconds;
        var delay = current?.InitialDelaySeconds ?? 0;
        for (var threshold = 1; ; threshold++)
        {
            var setting = new ProbeSetting(period, timeout, threshold, delay);
            var budget = Assess(ProbeType.Startup, setting, [], []).StartBudgetSeconds!.Value;
            if (budget >= target || threshold >= 100_000)
            {
                return (setting, $"the {(current is null ? "default" : "current")} period, timeout and delay, and the smallest failureThreshold whose start budget (the earliest kill) is at least {S(StartMargin)} × the longest measured start ({S(longest)} s of {starts.Count}); {starts.Count} starts cannot rule out a share of longer starts below 3/n = {S(Math.Min(1, 3.0 / starts.Count))}");
            }
        }
    }

    private static List<GridPoint> Grid(int timeout, ProbeSetting? current, ProbeSetting? recommended, IReadOnlyList<double> latencies)
    {
        var periods = Periods.Concat(new[] { current?.PeriodSeconds, recommended?.PeriodSeconds }.OfType<int>()).Where(p => p > timeout).Distinct().Order();
        return [..
            from period in periods
            from threshold in Enumerable.Range(1, MaxFailureThreshold)
            let setting = new ProbeSetting(period, timeout, threshold, 0)
            let assessment = Assess(ProbeType.Liveness, setting, latencies, [])
            select new GridPoint(setting, assessment.DetectionSeconds, assessment.RiskPerDay!.Value, assessment.RiskPerDayBound!.Value)];
    }

    private static V1Probe ProbeOf(ProbeSetting setting) => new()
    {
        PeriodSeconds = setting.PeriodSeconds,
        TimeoutSeconds = setting.TimeoutSeconds,
        FailureThreshold = setting.FailureThreshold,
        SuccessThreshold = 1,
        InitialDelaySeconds = setting.InitialDelaySeconds,
    };

    private static SampleSummary Summary(string what, IReadOnlyList<double> values, string source)
    {
        if (values.Count == 0)
        {
            return new SampleSummary(what, 0, null, null, null, source);
        }

        var sorted = values.Order().ToArray();
        return new SampleSummary(what, sorted.Length, Quantile(sorted, 0.5), Quantile(sorted, 0.99), sorted[^1], source);
    }

    // Nearest rank: the smallest sample with at least q of the samples at or below it.
    private static double Quantile(double[] sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static string StartKind(string how) =>
        how.StartsWith("app log", StringComparison.Ordinal) ? "app log (process start → first successful probe)"
        : how.StartsWith("timing", StringComparison.Ordinal) ? "start→ready/start→started timing (upper bound)"
        : "timeline container start → Ready (upper bound)";

    /// <summary>The probe type's name in lower case.</summary>
    public static string Name(ProbeType type) => type.ToString().ToLowerInvariant();

    /// <summary>What a false detection of <paramref name="type"/> does: restart (liveness, startup) or not-ready (readiness).</summary>
    public static string Detects(ProbeType type) => type == ProbeType.Readiness ? "not-ready" : "restart";

    /// <summary>A risk as text: <c>0</c>, <c>1.2e-05</c>, <c>0.034</c>.</summary>
    public static string Risk(double value) => value switch
    {
        0 => "0",
        < 0.001 => value.ToString("0.#e+00", CultureInfo.InvariantCulture),
        _ => value.ToString("0.####", CultureInfo.InvariantCulture),
    };

    private static string S(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
