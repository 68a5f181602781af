using ProbeHarness.Kubelet.KubeletLog;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Tests.Fakes;
using static ProbeHarness.Kubelet.Tests.Fakes.TestPods;

namespace ProbeHarness.Kubelet.Tests;

/// <summary>The emulated kubelet's own klog: probe failures, kills and Ready changes at the instants it acted, readable by <see cref="KubeletLogReader"/>.</summary>
public sealed class PodKubeletKlogTests
{
    [Theory]
    [InlineData("v1.20", "prober.go:117] Liveness probe for \"web-0_default(uid-1):app\" failed (failure): ")]
    [InlineData("v1.32", "prober.go:107] \"Probe failed\" probeType=\"Liveness\" pod=\"default/web-0\" podUID=\"uid-1\" containerName=\"app\"")]
    public async Task Liveness_failures_and_the_kill_are_logged_when_their_events_are_recorded(string version, string failureLine)
    {
        // Given a kubelet of that version writing its log, with liveness period 10 s, failureThreshold 3
        using var text = new StringWriter();
        using var klog = new KubeletLogWriter(text);
        await using var harness = new KubeletHarness(
            Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 3))),
            new KubeletOptions { KubeletVersion = version, ResyncInterval = Timeout.InfiniteTimeSpan, Klog = klog });
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(35);

        // When /live fails from t=35 and the log is read back
        harness.Prober["/live"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(65);
        var log = KubeletLogReader.Read(new StringReader(text.ToString()), KubeletLogClock.Utc(TestClock.Epoch));

        // Then it is in the version's wording, without problems, and its failures and kill are at the events' instants
        Assert.Contains(failureLine, text.ToString(), StringComparison.Ordinal);
        Assert.Empty(log.Problems);
        var failures = log.Entries.Where(e => e.Kind == KubeletEventKind.ProbeFailed).ToList();
        Assert.Equal(harness.EventTimes("Unhealthy"), failures.Select(e => TestClock.SecondsOf(e.At)));
        Assert.All(failures, e => Assert.Equal(("default", "web-0", "app", ProbeType.Liveness), (e.Namespace, e.Pod, e.Container, e.ProbeType!.Value)));
        var kill = Assert.Single(log.Entries, e => e.Kind == KubeletEventKind.Killing);
        Assert.Equal(harness.EventTimes("Killing"), [TestClock.SecondsOf(kill.At)]);
        Assert.Equal(("default", "web-0", "app"), (kill.Namespace, kill.Pod, kill.Container));
    }

    [Theory]
    [InlineData("v1.20")]
    [InlineData("v1.32")]
    public async Task Ready_changes_are_logged_when_the_status_flips(string version)
    {
        // Given a kubelet writing its log, readiness period 10 s, failureThreshold 1, failing from t=15 to t=35
        using var text = new StringWriter();
        using var klog = new KubeletLogWriter(text);
        await using var harness = new KubeletHarness(
            Pod(Container(readiness: Http("/ready", period: 10, failureThreshold: 1))),
            new KubeletOptions { KubeletVersion = version, ResyncInterval = Timeout.InfiniteTimeSpan, Klog = klog });
        await harness.StartAsync();
        await harness.Clock.AdvanceToAsync(15);
        harness.Prober["/ready"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(35);

        // When it recovers and the log is read back
        harness.Prober["/ready"].Mode = EndpointMode.Healthy;
        await harness.Clock.AdvanceToAsync(45);
        var log = KubeletLogReader.Read(new StringReader(text.ToString()), KubeletLogClock.Utc(TestClock.Epoch));

        // Then the Ready lines are the flips the status shows, to the microsecond: False at admission, True, False, True
        var ready = log.Entries.Where(e => e.Kind == KubeletEventKind.ReadyChanged).ToList();
        Assert.Equal([false, true, false, true], ready.Select(e => e.Ready!.Value));
        Assert.Equal(harness.ReadyFlips(ready: false), ready.Where(e => e.Ready == false).Skip(1).Select(e => TestClock.SecondsOf(e.At)));
        Assert.Equal(harness.ReadyFlips(ready: true), ready.Where(e => e.Ready == true).Select(e => TestClock.SecondsOf(e.At)));
    }

    [Fact]
    public async Task Without_a_writer_nothing_is_logged()
    {
        // Given a kubelet without a log (the default)
        await using var harness = new KubeletHarness(Pod(Container(liveness: Http("/live", period: 1, failureThreshold: 1))));
        await harness.StartAsync();

        // When it kills a container
        harness.Prober["/live"].Mode = EndpointMode.Failing;
        await harness.Clock.AdvanceToAsync(5);

        // Then it worked as always
        Assert.NotEmpty(harness.EventTimes("Killing"));
        Assert.Null(harness.Options.Klog);
    }
}
