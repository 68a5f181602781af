using ProbeHarness.Kubelet.Timing;
using k8s.Models;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Preflight.Advisor;

namespace ProbeHarness.Preflight.Tests.Advisor;

/// <summary>Recommendations from the small recorded run for manifests/target-app.yaml, and what the advisor does without figures.</summary>
public sealed class ProbeAdvisorTests
{
    private static Advice AdviseSampleRun(string? folder = null) => ProbeAdvisor.Advise(
        AdvisorData.Samples(folder ?? AdvisorData.Run), AdvisorInput.ReadManifest(AdvisorData.TargetAppManifest), "run");

    [Fact]
    public void The_current_liveness_setting_is_assessed_with_the_measured_latencies()
    {
        // When
        var liveness = AdviseSampleRun().Probes.Single(p => p.Probe == ProbeType.Liveness);

        // Then: periodSeconds 10, timeout 1, fT 3, delay 5; 3 of 112 answers slower than 1 s
        Assert.Equal(new ProbeSetting(10, 1, 3, 5), liveness.Current);
        var current = liveness.CurrentAssessment!;
        Assert.Equal(new Exceedance(3, 112), current.SlowAnswers);
        Assert.Equal(Math.Pow(3.0 / 112, 3), current.RiskPerPeriod!.Value, 15);
        Assert.Equal(FalseRestartRisk.PerDay(3.0 / 112, 3, 10), current.RiskPerDay!.Value, 12);
        Assert.True(current.RiskPerDay > ProbeAdvisor.DefaultMaxRiskPerDay);
    }

    [Fact]
    public void The_liveness_recommendation_is_the_fastest_detection_within_the_risk_budget()
    {
        // When
        var liveness = AdviseSampleRun().Probes.Single(p => p.Probe == ProbeType.Liveness);

        // Then
        Assert.Equal(new ProbeSetting(5, 1, 5, 5), liveness.Recommended);
        var advised = liveness.RecommendedAssessment!;
        Assert.True(advised.RiskPerDayBound <= ProbeAdvisor.DefaultMaxRiskPerDay);
        Assert.True(advised.DetectionSeconds < liveness.CurrentAssessment!.DetectionSeconds);

        // Every setting of the grid that detects faster is over the budget
        var latencies = AdvisorData.Samples(AdvisorData.Run).LatenciesOf(ProbeType.Liveness);
        var faster = from period in ProbeAdvisor.Periods
                     from timeout in ProbeAdvisor.Timeouts.Where(t => t < period)
                     from threshold in Enumerable.Range(2, 9)
                     let a = ProbeAdvisor.Assess(ProbeType.Liveness, new ProbeSetting(period, timeout, threshold, 5), latencies, [])
                     where a.DetectionSeconds < advised.DetectionSeconds
                     select a.RiskPerDayBound;
        Assert.All(faster, risk => Assert.True(risk > ProbeAdvisor.DefaultMaxRiskPerDay));
    }

    [Fact]
    public void Detection_times_are_the_kubelet_models_worst_cases()
    {
        // When
        var liveness = AdviseSampleRun().Probes.Single(p => p.Probe == ProbeType.Liveness);

        // Then
        var probe = new V1Probe { PeriodSeconds = 5, TimeoutSeconds = 1, FailureThreshold = 5, InitialDelaySeconds = 5 };
        var hang = ReactionWindow.Predict(new ReactionQuery(ProbeType.Liveness, probe, ProbeFault.Hang(), ReactionMeasure.Kill));
        var failFast = ReactionWindow.Predict(new ReactionQuery(ProbeType.Liveness, probe, ProbeFault.FailFast(), ReactionMeasure.Kill));
        Assert.Equal(hang.Max.TotalSeconds, liveness.RecommendedAssessment!.DetectionSeconds);
        Assert.Equal(failFast.Max.TotalSeconds, liveness.RecommendedAssessment.FailFastDetectionSeconds);
        Assert.Equal(26, liveness.RecommendedAssessment.DetectionSeconds);
    }

    [Fact]
    public void The_startup_budget_is_twice_the_longest_measured_start_and_the_current_chance_of_outlasting_it_is_empirical()
    {
        // When: starts 6.7, 7.45, 8.2 and 9 s
        var startup = AdviseSampleRun().Probes.Single(p => p.Probe == ProbeType.Startup);

        // Then: period 10 kept; fT 3 gives the earliest kill at (3−1)·10 = 20 s ≥ 18 s
        Assert.Equal(new ProbeSetting(10, 1, 3, 0), startup.Recommended);
        Assert.Equal(20, startup.RecommendedAssessment!.StartBudgetSeconds);
        Assert.Equal(30, startup.RecommendedAssessment.DetectionSeconds);
        Assert.Equal(new Exceedance(0, 4), startup.RecommendedAssessment.StartsOverBudget);
        Assert.Equal(290, startup.CurrentAssessment!.StartBudgetSeconds);
    }

    [Fact]
    public void A_tight_startup_budget_reports_the_share_of_measured_starts_that_outlast_it()
    {
        // Given a startup probe allowing at least (1−1)·5 = 0 s and at most 5 s
        var samples = AdvisorData.Samples(AdvisorData.Run);
        var container = new AdvisedContainer("m.yaml", "Deployment/x", "x", null, null, new V1Probe { PeriodSeconds = 5, FailureThreshold = 2 });

        // When
        var startup = ProbeAdvisor.Advise(samples, container, "run").Probes.Single(p => p.Probe == ProbeType.Startup);

        // Then: budget (2−1)·5 = 5 s, latest kill 10 s; all four starts outlast 5 s, none 10 s
        Assert.Equal(5, startup.CurrentAssessment!.StartBudgetSeconds);
        Assert.Equal(new Exceedance(4, 4), startup.CurrentAssessment.StartsOverBudget);
        Assert.Equal(new Exceedance(0, 4), startup.CurrentAssessment.StartsOverLatestKill);
    }

    [Fact]
    public void Without_latencies_there_is_no_timing_advice_and_the_picture_grid_is_empty()
    {
        // When: the Reporting sample records hold no probe line
        var advice = AdviseSampleRun(AdvisorData.ReportingK3s);

        // Then
        var liveness = advice.Probes.Single(p => p.Probe == ProbeType.Liveness);
        Assert.Null(liveness.Recommended);
        Assert.Null(liveness.CurrentAssessment!.RiskPerDay);
        Assert.StartsWith("no advice: no probe latency is recorded", liveness.Why, StringComparison.Ordinal);
        Assert.Empty(advice.LivenessGrid);
        Assert.NotNull(advice.Probes.Single(p => p.Probe == ProbeType.Startup).Recommended);
    }

    [Fact]
    public void A_probe_the_manifest_lacks_is_still_advised()
    {
        // Given a container with only a liveness probe
        var container = new AdvisedContainer("m.yaml", "Deployment/x", "x", new V1Probe { PeriodSeconds = 10 }, null, null);

        // When
        var advice = ProbeAdvisor.Advise(AdvisorData.Samples(AdvisorData.Run), container, "run");

        // Then
        var readiness = advice.Probes.Single(p => p.Probe == ProbeType.Readiness);
        Assert.Null(readiness.Current);
        Assert.NotNull(readiness.Recommended);
        Assert.Equal(new ProbeSetting(10, 1, 3, 0), advice.Probes.Single(p => p.Probe == ProbeType.Startup).Recommended);
    }

    [Fact]
    public void A_budget_no_setting_meets_gives_the_lowest_risk_setting_and_says_so()
    {
        // When
        var advice = ProbeAdvisor.Advise(AdvisorData.Samples(AdvisorData.Run), AdvisorInput.ReadManifest(AdvisorData.TargetAppManifest), "run", 1e-30);

        // Then
        var liveness = advice.Probes.Single(p => p.Probe == ProbeType.Liveness);
        Assert.StartsWith("no setting of", liveness.Why, StringComparison.Ordinal);
        Assert.Equal(10, liveness.Recommended!.FailureThreshold);
    }
}
