using k8s.Models;

namespace ProbeHarness.Kubelet.Tests.Fakes;

/// <summary>A <see cref="PodKubelet"/> wired to the fake clock, runtime and prober, recording every status and event.</summary>
public sealed class KubeletHarness : IAsyncDisposable
{
    /// <summary>Creates the kubelet for <paramref name="pod"/>; admission happens in <see cref="StartAsync"/> at the clock's current time.</summary>
    public KubeletHarness(V1Pod pod, KubeletOptions? options = null, Action<FakeContainerRuntime>? configureRuntime = null)
    {
        Runtime = new FakeContainerRuntime(Clock.Time);
        configureRuntime?.Invoke(Runtime);
        Prober = new FakeProbeRunner(Clock.Time);
        Options = options ?? new KubeletOptions { ResyncInterval = Timeout.InfiniteTimeSpan };
        Kubelet = new PodKubelet(pod, "127.0.0.10", Runtime, Prober, Clock.Time, Options);
        Kubelet.StatusChanged += p => Statuses.Add((Clock.Time.GetUtcNow(), p));
        Kubelet.EventRecorded += e => Events.Add((Clock.Time.GetUtcNow(), e));
    }

    /// <summary>The fake clock.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>The fake runtime.</summary>
    public FakeContainerRuntime Runtime { get; }

    /// <summary>The fake prober.</summary>
    public FakeProbeRunner Prober { get; }

    /// <summary>The options the kubelet runs with.</summary>
    public KubeletOptions Options { get; }

    /// <summary>The kubelet under test.</summary>
    public PodKubelet Kubelet { get; }

    /// <summary>Every published status with its time.</summary>
    public List<(DateTimeOffset At, V1Pod Pod)> Statuses { get; } = [];

    /// <summary>Every recorded event (each emission; repeats share a name) with its time.</summary>
    public List<(DateTimeOffset At, Corev1Event Event)> Events { get; } = [];

    /// <summary>The current pod.</summary>
    public V1Pod Pod => Kubelet.Snapshot();

    /// <summary>The current status of container <paramref name="name"/>.</summary>
    public V1ContainerStatus Container(string name = "app") => Pod.Status.ContainerStatuses.Single(c => c.Name == name);

    /// <summary>The current pod condition of <paramref name="type"/>.</summary>
    public V1PodCondition? Condition(string type) => Pod.Status.Conditions?.SingleOrDefault(c => c.Type == type);

    /// <summary>True when the pod's Ready condition is True.</summary>
    public bool IsReady => Condition("Ready")?.Status == "True";

    /// <summary>Emission times (seconds since the epoch) of events with <paramref name="reason"/>.</summary>
    public List<double> EventTimes(string reason) =>
        Events.Where(e => e.Event.Reason == reason).Select(e => TestClock.SecondsOf(e.At)).ToList();

    /// <summary>Messages of every emission with <paramref name="reason"/>.</summary>
    public List<string> Messages(string reason) =>
        Events.Where(e => e.Event.Reason == reason).Select(e => e.Event.Message).ToList();

    /// <summary>Times (seconds) at which the Ready condition became <paramref name="ready"/>.</summary>
    public List<double> ReadyFlips(bool ready)
    {
        var flips = new List<double>();
        bool? previous = null;
        foreach (var (at, pod) in Statuses)
        {
            var current = pod.Status.Conditions?.SingleOrDefault(c => c.Type == "Ready")?.Status == "True";
            if (current != previous && current == ready && previous is not null)
            {
                flips.Add(TestClock.SecondsOf(at));
            }

            previous = current;
        }

        return flips;
    }

    /// <summary>Admits the pod and lets the first starts complete.</summary>
    public async Task StartAsync()
    {
        var start = Kubelet.StartAsync(CancellationToken.None);
        await Clock.AdvanceUntilAsync(() => start.IsCompleted, TimeSpan.FromSeconds(5));
        await start;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Kubelet.DisposeAsync();
}
