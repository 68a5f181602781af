using ProbeHarness.Kubelet.Events;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Tests.Fakes;

namespace ProbeHarness.Kubelet.Tests.Events;

/// <summary>The kubelet's message texts (§1.6, §1.10).</summary>
public sealed class KubeletEventMessagesTests
{
    [Fact]
    public void Probe_messages_use_the_probe_type_name()
    {
        // Given / When / Then the Unhealthy, ProbeWarning and errored texts
        Assert.Equal("Readiness probe failed: x", KubeletEventMessages.ProbeFailed(ProbeType.Readiness, "x"));
        Assert.Equal("Startup probe warning: y", KubeletEventMessages.ProbeWarned(ProbeType.Startup, "y"));
        Assert.Equal("Liveness probe errored and resulted in unknown state: e", KubeletEventMessages.ProbeErrored(KubeletProfile.V132, ProbeType.Liveness, "unknown", "e"));
        Assert.Equal("Liveness probe errored: e", KubeletEventMessages.ProbeErrored(KubeletProfile.V120, ProbeType.Liveness, "unknown", "e"));
    }

    [Fact]
    public void Kill_and_back_off_messages_name_the_container_and_pod()
    {
        // Given pod web-0 in default with uid uid-1
        var pod = TestPods.Pod(TestPods.Container());

        // When / Then
        Assert.Equal("Container app failed startup probe, will be restarted", KubeletEventMessages.FailedProbeKill("app", ProbeType.Startup, true));
        Assert.Equal("Container app failed liveness probe", KubeletEventMessages.FailedProbeKill("app", ProbeType.Liveness, false));
        Assert.Equal("Stopping container app", KubeletEventMessages.Stopping("app"));
        Assert.Equal("Back-off restarting failed container app in pod web-0_default(uid-1)", KubeletEventMessages.BackOffRestarting("app", pod));
        Assert.Equal("back-off 2m40s restarting failed container=app pod=web-0_default(uid-1)", KubeletEventMessages.CrashLoopWaiting(TimeSpan.FromSeconds(160), "app", pod));
    }
}
