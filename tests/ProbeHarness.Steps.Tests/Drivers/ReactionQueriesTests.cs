using k8s.Models;
using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;
using ProbeHarness.Steps.Tests.Support;

namespace ProbeHarness.Steps.Tests.Drivers;

public sealed class ReactionQueriesTests
{
    private static readonly DateTimeOffset FaultAt = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_fault_the_model_says_never_kills_gets_the_kill_window_of_a_failure_streak_from_the_same_moment()
    {
        // Given a liveness probe (p=2, fT=3), a failing endpoint and a flapping one (every 2nd probe fails) from the same moment
        var queries = QueriesWithLiveness(periodSeconds: 2, failureThreshold: 3);
        var failing = Fault(FaultRequest.Fail(ProbeKind.Liveness, 500));
        var flapping = Fault(FaultRequest.Flap(ProbeKind.Liveness, 2, 500));

        // When
        var failingWindow = queries.LivenessKillWindow(failing);
        var flappingWindow = queries.LivenessKillWindow(flapping);

        // Then the flap, which never kills, is held as long as a failure streak could take to kill; the plain window refuses it
        Assert.False(flappingWindow.Never);
        Assert.Equal(failingWindow.Min, flappingWindow.Min);
        Assert.Equal(failingWindow.Latest, flappingWindow.Latest);
        Assert.Throws<ScenarioInputException>(() => queries.Window(ProbeKind.Liveness, flapping, ReactionMeasure.Kill));
    }

    [Fact]
    public void A_longer_period_or_threshold_makes_the_liveness_window_longer()
    {
        // Given the same failing endpoint under two probe settings
        var quick = QueriesWithLiveness(periodSeconds: 1, failureThreshold: 2);
        var slow = QueriesWithLiveness(periodSeconds: 3, failureThreshold: 4);
        var fault = Fault(FaultRequest.Fail(ProbeKind.Liveness, 500));

        // When
        var quickWindow = quick.LivenessKillWindow(fault);
        var slowWindow = slow.LivenessKillWindow(fault);

        // Then
        Assert.True(slowWindow.Latest > quickWindow.Latest, $"{slowWindow.Latest} should exceed {quickWindow.Latest}");
    }

    private static ReactionQueries QueriesWithLiveness(int periodSeconds, int failureThreshold)
    {
        var workload = TestWorkloadDriver.Create();
        workload.SetProbe(ProbeKind.Liveness, new V1Probe
        {
            HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = 8080 },
            PeriodSeconds = periodSeconds,
            FailureThreshold = failureThreshold,
        });
        return new ReactionQueries(workload, new ScenarioCluster(new LogOnlyNamespace { Logs = _ => "" }, CancellationToken.None));
    }

    private static InjectedFault Fault(FaultRequest request) =>
        new(request, MeasuredInstant.Exact(FaultAt), "target-app-1", 0, "containerd://1") { ContainerStartedAt = FaultAt.AddSeconds(-10) };
}
