using k8s.Models;
using ProbeHarness.Kubelet.Events;
using ProbeHarness.Kubelet.Tests.Fakes;
using static ProbeHarness.Kubelet.Tests.Fakes.TestPods;

namespace ProbeHarness.Kubelet.Tests.Events;

/// <summary>The kubelet events (§1.10): shape, messages per profile, and client-go style aggregation of repeats.</summary>
public sealed class KubeletEventRecorderTests
{
    [Fact]
    public void An_event_names_the_pod_container_and_emulated_source()
    {
        // Given a recorder for pod web-0
        var clock = new TestClock();
        var recorded = new List<Corev1Event>();
        var recorder = new KubeletEventRecorder(Pod(Container()), "emulated", clock.Time, recorded.Add);

        // When it records a warning
        recorder.Warning("app", "Unhealthy", "Liveness probe failed: HTTP probe failed with statuscode: 500");

        // Then the event is a core/v1 event about spec.containers{app} from the kubelet on node "emulated"
        var e = recorded.Single();
        Assert.StartsWith("web-0.", e.Metadata.Name);
        Assert.Equal("default", e.Metadata.NamespaceProperty);
        Assert.Equal(("Pod", "web-0", "default", "uid-1", "spec.containers{app}"), (e.InvolvedObject.Kind, e.InvolvedObject.Name, e.InvolvedObject.NamespaceProperty, e.InvolvedObject.Uid, e.InvolvedObject.FieldPath));
        Assert.Equal(("kubelet", "emulated"), (e.Source.Component, e.Source.Host));
        Assert.Equal(("kubelet", "emulated"), (e.ReportingComponent, e.ReportingInstance));
        Assert.Equal(("Warning", "Unhealthy", 1), (e.Type, e.Reason, e.Count));
        Assert.Equal(0.0, TestClock.SecondsOf(e.FirstTimestamp));
    }

    [Fact]
    public async Task Repeats_of_an_identical_event_share_its_name_and_count_up()
    {
        // Given a recorder
        var clock = new TestClock();
        var recorded = new List<Corev1Event>();
        var recorder = new KubeletEventRecorder(Pod(Container()), "emulated", clock.Time, recorded.Add);

        // When the same failure is recorded three times, 10 s apart, and a different one once
        for (var i = 0; i < 3; i++)
        {
            recorder.Warning("app", "Unhealthy", "Liveness probe failed: boom");
            await clock.AdvanceAsync(TimeSpan.FromSeconds(10));
        }

        recorder.Warning("app", "Unhealthy", "Liveness probe failed: other");

        // Then the repeats are one event (same name) with count 3 and lastTimestamp at the third; the other is new
        Assert.Equal([1, 2, 3, 1], recorded.Select(e => e.Count ?? 0));
        Assert.Single(recorded.Take(3).Select(e => e.Metadata.Name).Distinct());
        Assert.NotEqual(recorded[0].Metadata.Name, recorded[3].Metadata.Name);
        Assert.Equal(20.0, TestClock.SecondsOf(recorded[2].LastTimestamp));
        Assert.Equal(0.0, TestClock.SecondsOf(recorded[2].FirstTimestamp));
    }

    [Theory]
    [InlineData("v1.32", "Created container: app")]
    [InlineData("v1.20.2", "Created container app")]
    public async Task A_start_records_Pulled_Created_Started_in_order(string version, string created)
    {
        // Given a kubelet of the given version
        await using var harness = new KubeletHarness(Pod(Container()), new KubeletOptions { KubeletVersion = version, ResyncInterval = Timeout.InfiniteTimeSpan });

        // When the pod starts
        await harness.StartAsync();

        // Then the start events come in the kubelet's order with its messages
        Assert.Equal(
            [("Pulled", "Container image \"probe-target:dev\" already present on machine"), ("Created", created), ("Started", "Started container app")],
            harness.Events.Select(e => (e.Event.Reason, e.Event.Message)));
        Assert.All(harness.Events, e => Assert.Equal("Normal", e.Event.Type));
    }

    [Fact]
    public async Task Liveness_failures_aggregate_into_one_Unhealthy_event_with_a_count()
    {
        // Given liveness (period 10 s, failureThreshold 3) failing from t=5
        await using var harness = new KubeletHarness(Pod(Container(liveness: Http("/live", period: 10, failureThreshold: 3))));
        await harness.StartAsync();
        harness.Prober["/live"].Mode = EndpointMode.Failing;

        // When three failures kill it
        await harness.Clock.AdvanceToAsync(31);

        // Then one Unhealthy event counted to 3, with the kubelet's message, and one Killing
        var unhealthy = harness.Events.Where(e => e.Event.Reason == "Unhealthy").Select(e => e.Event).ToList();
        Assert.Equal([1, 2, 3], unhealthy.Select(e => e.Count ?? 0));
        Assert.Equal("Liveness probe failed: HTTP probe failed with statuscode: 500", unhealthy[^1].Message);
        Assert.Equal("Warning", unhealthy[^1].Type);
        Assert.Equal(("Normal", "Container app failed liveness probe, will be restarted"), harness.Events.Where(e => e.Event.Reason == "Killing").Select(e => (e.Event.Type, e.Event.Message)).Single());
    }
}
