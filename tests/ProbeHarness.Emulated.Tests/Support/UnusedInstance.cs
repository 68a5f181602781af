using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Tests.Support;

/// <summary>The container instance of a network probe target: HTTP, TCP and gRPC probes never touch it.</summary>
internal sealed class UnusedInstance : IContainerInstance
{
    public string ContainerId => "emulated://unused";

    public DateTimeOffset StartedAt => DateTimeOffset.UnixEpoch;

    public Task<ContainerExit> Exited => new TaskCompletionSource<ContainerExit>().Task;

    public Task<ContainerExit> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("a network probe must not stop the container");

    public Task<ExecResult> ExecAsync(IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("a network probe must not exec in the container");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
