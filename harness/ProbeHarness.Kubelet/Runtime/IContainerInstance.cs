namespace ProbeHarness.Kubelet.Runtime;

/// <summary>One running (or finished) instance of a container.</summary>
public interface IContainerInstance : IAsyncDisposable
{
    /// <summary>The runtime's id, e.g. <c>emulated://4f1c…</c>; a new id for every instance.</summary>
    string ContainerId { get; }

    /// <summary>When the instance started running.</summary>
    DateTimeOffset StartedAt { get; }

    /// <summary>Completes with the exit when the instance ends by itself or is stopped.</summary>
    Task<ContainerExit> Exited { get; }

    /// <summary>Stops the instance: SIGTERM, then SIGKILL when <paramref name="gracePeriod"/> has passed; completes with the exit.</summary>
    Task<ContainerExit> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken);

    /// <summary>Runs a command in the container's environment (exec probes); a timeout is reported, not thrown.</summary>
    Task<ExecResult> ExecAsync(IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken);
}
