using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Containers;

/// <summary>A container instance that never ran: exit code 128, reason <c>StartError</c>, as containerd reports a failed start.</summary>
internal sealed class StartErrorInstance : IContainerInstance
{
    /// <summary>Creates the instance; <paramref name="message"/> is also what its log holds.</summary>
    public StartErrorInstance(string containerId, DateTimeOffset at, string message)
    {
        ContainerId = containerId;
        StartedAt = at;
        Message = message;
        Exited = Task.FromResult(new ContainerExit(128, at, "StartError"));
    }

    /// <inheritdoc />
    public string ContainerId { get; }

    /// <inheritdoc />
    public DateTimeOffset StartedAt { get; }

    /// <summary>Why the start failed.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public Task<ContainerExit> Exited { get; }

    /// <inheritdoc />
    public Task<ContainerExit> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken) => Exited;

    /// <inheritdoc />
    public Task<ExecResult> ExecAsync(IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.FromResult(new ExecResult(null, "container not running", false));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
