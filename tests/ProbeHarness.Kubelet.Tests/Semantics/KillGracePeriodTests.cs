using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Kubelet.Tests.Fakes;

namespace ProbeHarness.Kubelet.Tests.Semantics;

/// <summary>§1.5 grace period selection.</summary>
public sealed class KillGracePeriodTests
{
    [Theory]
    [InlineData(null, null, null, ProbeType.Liveness, 30)]
    [InlineData(null, null, 12L, ProbeType.Liveness, 12)]
    [InlineData(null, 5L, 12L, ProbeType.Liveness, 5)]
    [InlineData(3L, 5L, 12L, ProbeType.Liveness, 3)]
    [InlineData(null, 1L, 12L, ProbeType.Liveness, 2)]
    [InlineData(0L, null, null, ProbeType.Liveness, 2)]
    [InlineData(null, 5L, 12L, ProbeType.Startup, 5)]
    public void The_first_set_value_wins_and_two_seconds_is_the_floor(long? deletionGrace, long? probeGrace, long? podGrace, ProbeType reason, long expected)
    {
        // Given a pod with the given grace periods on the probe of the reason's type
        var probe = TestPods.Http("/x", terminationGracePeriodSeconds: probeGrace);
        var container = reason == ProbeType.Liveness ? TestPods.Container(liveness: probe) : TestPods.Container(startup: probe);
        var pod = TestPods.Pod(container);
        pod.Spec.TerminationGracePeriodSeconds = podGrace;
        pod.Metadata.DeletionGracePeriodSeconds = deletionGrace;

        // When the kill grace is computed
        var grace = KillGracePeriod.ForProbeFailure(pod, container, reason);

        // Then deletion grace, probe grace, pod grace (default 30) in that order, floored at 2
        Assert.Equal(expected, grace);
    }

    [Fact]
    public void A_liveness_kill_ignores_the_startup_probe_grace()
    {
        // Given only the startup probe sets a grace period
        var container = TestPods.Container(liveness: TestPods.Http("/l"), startup: TestPods.Http("/s", terminationGracePeriodSeconds: 4));
        var pod = TestPods.Pod(container);

        // When a liveness kill computes it
        var grace = KillGracePeriod.ForProbeFailure(pod, container, ProbeType.Liveness);

        // Then the pod default applies
        Assert.Equal(30, grace);
        Assert.Equal(4, KillGracePeriod.ForProbeFailure(pod, container, ProbeType.Startup));
    }
}
