using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Kubelet.Tests.Fakes;

/// <summary>A container instance that lives on the fake clock: it exits when told, when it crashes, or per its SIGTERM behaviour.</summary>
public sealed class FakeContainerInstance : IContainerInstance
{
    private readonly TimeProvider _time;
    private readonly FakeContainerBehaviour _behaviour;
    private readonly TaskCompletionSource<ContainerExit> _exited = new();
    private readonly List<ITimer> _timers = [];

    /// <summary>Creates a running instance started now.</summary>
    public FakeContainerInstance(string containerName, string containerId, TimeProvider time, FakeContainerBehaviour behaviour)
    {
        ContainerName = containerName;
        ContainerId = containerId;
        _time = time;
        _behaviour = behaviour;
        StartedAt = time.GetUtcNow();
        if (behaviour.CrashAfter is { } crash)
        {
            _timers.Add(time.CreateTimer(_ => Crash(behaviour.CrashExitCode), null, crash, Timeout.InfiniteTimeSpan));
        }
    }

    /// <summary>The container's name.</summary>
    public string ContainerName { get; }

    /// <inheritdoc />
    public string ContainerId { get; }

    /// <inheritdoc />
    public DateTimeOffset StartedAt { get; }

    /// <inheritdoc />
    public Task<ContainerExit> Exited => _exited.Task;

    /// <summary>Every StopAsync call: when, and with which grace period.</summary>
    public List<(DateTimeOffset At, TimeSpan Grace)> StopRequests { get; } = [];

    /// <summary>True once disposed.</summary>
    public bool Disposed { get; private set; }

    /// <summary>Ends the instance now with <paramref name="exitCode"/> (a crash, or a clean exit for 0).</summary>
    public void Crash(int exitCode) =>
        _exited.TrySetResult(new ContainerExit(exitCode, _time.GetUtcNow(), exitCode == 0 ? "Completed" : "Error"));

    /// <inheritdoc />
    public Task<ContainerExit> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        StopRequests.Add((_time.GetUtcNow(), gracePeriod));
        if (_exited.Task.IsCompleted)
        {
            return _exited.Task;
        }

        if (_behaviour.ExitAfterSigterm is { } after && after < gracePeriod)
        {
            Schedule(after, () => Crash(_behaviour.SigtermExitCode));
        }
        else
        {
            Schedule(gracePeriod, () => Crash(137));
        }

        return _exited.Task;
    }

    /// <inheritdoc />
    public Task<ExecResult> ExecAsync(IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.FromResult(new ExecResult(0, string.Empty, false));

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Disposed = true;
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private void Schedule(TimeSpan delay, Action action)
    {
        if (delay <= TimeSpan.Zero)
        {
            action();
            return;
        }

        _timers.Add(_time.CreateTimer(_ => action(), null, delay, Timeout.InfiniteTimeSpan));
    }
}
