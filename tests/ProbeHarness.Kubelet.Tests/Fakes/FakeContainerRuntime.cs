using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Kubelet.Tests.Fakes;

/// <summary>A container runtime on the fake clock: each start takes <see cref="StartLatency"/>, then yields a <see cref="FakeContainerInstance"/>.</summary>
public sealed class FakeContainerRuntime : IContainerRuntime
{
    private readonly TimeProvider _time;
    private readonly List<ITimer> _timers = [];
    private int _next;

    /// <summary>Creates a runtime on <paramref name="time"/>.</summary>
    public FakeContainerRuntime(TimeProvider time) => _time = time;

    /// <summary>Time from the kubelet's start request to the process running (0.3 s: startedAt is not a whole second).</summary>
    public TimeSpan StartLatency { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Per-container behaviour; containers not listed get the default.</summary>
    public Dictionary<string, FakeContainerBehaviour> Behaviours { get; } = [];

    /// <summary>How many upcoming starts fail (the runtime throws).</summary>
    public int FailingStarts { get; set; }

    /// <summary>Every start request (launch and request time).</summary>
    public List<(ContainerLaunch Launch, DateTimeOffset At)> StartRequests { get; } = [];

    /// <summary>Every instance started, oldest first.</summary>
    public List<FakeContainerInstance> Instances { get; } = [];

    /// <summary>The newest instance of <paramref name="container"/>.</summary>
    public FakeContainerInstance Latest(string container) => Instances.Last(i => i.ContainerName == container);

    /// <summary>Start request times of <paramref name="container"/>.</summary>
    public List<DateTimeOffset> StartTimes(string container) =>
        StartRequests.Where(r => r.Launch.Container.Name == container).Select(r => r.At).ToList();

    /// <inheritdoc />
    public Task<IContainerInstance> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        StartRequests.Add((launch, _time.GetUtcNow()));
        if (FailingStarts > 0)
        {
            FailingStarts--;
            return Task.FromException<IContainerInstance>(new InvalidOperationException("exec format error"));
        }

        var started = new TaskCompletionSource<IContainerInstance>();
        void Run()
        {
            var name = launch.Container.Name;
            var behaviour = Behaviours.TryGetValue(name, out var b) ? b : new FakeContainerBehaviour();
            var instance = new FakeContainerInstance(name, $"emulated://{name}-{++_next}", _time, behaviour);
            Instances.Add(instance);
            started.SetResult(instance);
        }

        if (StartLatency <= TimeSpan.Zero)
        {
            Run();
        }
        else
        {
            _timers.Add(_time.CreateTimer(_ => Run(), null, StartLatency, Timeout.InfiniteTimeSpan));
        }

        return started.Task;
    }
}
