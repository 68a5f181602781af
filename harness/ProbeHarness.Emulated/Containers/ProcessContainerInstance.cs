using System.Diagnostics;
using ProbeHarness.Emulated.Processes;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Containers;

/// <summary>A container instance that is a real process group on this host.</summary>
/// <remarks>
/// The main process plays the container's PID 1: SIGTERM goes to it alone, and only when it has a SIGTERM handler
/// (a PID 1 without one ignores SIGTERM, so busybox <c>sleep</c> ends with 137 at the grace deadline);
/// SIGKILL goes to the whole group, as a runtime kills the whole cgroup. When the main process ends, the rest of its group is killed.
/// </remarks>
internal sealed class ProcessContainerInstance : IContainerInstance
{
    private const int ExecOutputLimit = 10 * 1024;

    private readonly Process _process;
    private readonly ContainerContext _context;
    private readonly ProcessGroupLedger _ledger;
    private readonly TimeProvider _time;
    private volatile bool _detached;

    private ProcessContainerInstance(string containerId, Process process, ContainerContext context, ProcessGroupLedger ledger, TimeProvider time)
    {
        ContainerId = containerId;
        _process = process;
        _context = context;
        _ledger = ledger;
        _time = time;
        StartedAt = time.GetUtcNow();
        Exited = WatchAsync();
    }

    /// <inheritdoc />
    public string ContainerId { get; }

    /// <inheritdoc />
    public DateTimeOffset StartedAt { get; }

    /// <inheritdoc />
    public Task<ContainerExit> Exited { get; }

    /// <summary>The main process's pid, which is also the group's id.</summary>
    public int ProcessGroupId => _process.Id;

    /// <summary>What the instance runs with (env, directories, log file).</summary>
    public ContainerContext Context => _context;

    /// <summary>Starts <paramref name="hostArgv"/> as a new process group and records it in <paramref name="ledger"/>.</summary>
    public static ProcessContainerInstance Start(string containerId, IReadOnlyList<string> hostArgv, ContainerContext context, ProcessGroupLedger ledger, TimeProvider time)
    {
        var process = SessionProcess.StartLogged(hostArgv, context.Environment.Variables, context.WorkingDirectory, context.LogFile);
        ledger.Record(new ProcessGroupRecord(process.Id, ProcessStat.Read(process.Id)?.StartTicks ?? 0, context.Description));
        return new ProcessContainerInstance(containerId, process, context, ledger, time);
    }

    /// <summary>Lets the process outlive this object: later stops and disposal leave it running (for <c>keep</c>).</summary>
    public void Detach() => _detached = true;

    /// <inheritdoc />
    /// <remarks>A detached instance is not signalled: the answer is its exit if it has one, else exit code -1 with reason <c>Detached</c>.</remarks>
    public async Task<ContainerExit> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (_detached)
        {
            return Exited.IsCompleted ? await Exited.ConfigureAwait(false) : new ContainerExit(-1, _time.GetUtcNow(), "Detached");
        }

        if (!Exited.IsCompleted && ProcessStat.CatchesSigterm(_process.Id))
        {
            UnixSignals.SignalProcess(_process.Id, UnixSignals.Term);
        }

        if (!Exited.IsCompleted && gracePeriod > TimeSpan.Zero)
        {
            using var graceOver = new CancellationTokenSource(gracePeriod, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(graceOver.Token, cancellationToken);
            try
            {
                await Exited.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (graceOver.IsCancellationRequested)
            {
                // The grace period is over: SIGKILL below.
            }
        }

        if (!Exited.IsCompleted)
        {
            UnixSignals.SignalGroup(_process.Id, UnixSignals.Kill);
        }

        return await Exited.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ExecResult> ExecAsync(IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Exited.IsCompleted || _ledger.IsSealed)
        {
            return new ExecResult(null, "container not running", false);
        }

        var (argv, error) = _context.ToHostArgv(command);
        if (argv is null)
        {
            return new ExecResult(null, $"OCI runtime exec failed: exec failed: unable to start container process: {error}: unknown", false);
        }

        using var exec = SessionProcess.StartCaptured(argv, _context.Environment.Variables, _context.WorkingDirectory);
        _ledger.Record(new ProcessGroupRecord(exec.Id, ProcessStat.Read(exec.Id)?.StartTicks ?? 0, $"{_context.Description} exec {command[0]}"));
        try
        {
            using var timedOut = new CancellationTokenSource(timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timedOut.Token, cancellationToken);
            var output = new CappedOutput(ExecOutputLimit);
            try
            {
                await exec.StandardOutput.BaseStream.CopyToAsync(output, linked.Token).ConfigureAwait(false);
                await exec.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timedOut.IsCancellationRequested)
            {
                return new ExecResult(null, output.Text, true);
            }

            return new ExecResult(exec.ExitCode, output.Text, false);
        }
        finally
        {
            // Whatever the command left behind (or a timed-out command) goes with its group.
            UnixSignals.SignalGroup(exec.Id, UnixSignals.Kill);
            _ledger.Forget(exec.Id);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_detached)
        {
            return;
        }

        if (!Exited.IsCompleted)
        {
            UnixSignals.SignalGroup(_process.Id, UnixSignals.Kill);
        }

        await Exited.ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task<ContainerExit> WatchAsync()
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        var exitCode = _process.ExitCode;
        var finishedAt = _time.GetUtcNow();
        UnixSignals.SignalGroup(_process.Id, UnixSignals.Kill);
        _ledger.Forget(_process.Id);
        return new ContainerExit(exitCode, finishedAt, exitCode == 0 ? "Completed" : "Error");
    }
}
