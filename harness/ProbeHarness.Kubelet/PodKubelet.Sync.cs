using k8s.Models;
using ProbeHarness.Kubelet.Containers;
using ProbeHarness.Kubelet.Events;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Runtime;
using ProbeHarness.Kubelet.Semantics;

namespace ProbeHarness.Kubelet;

/// <summary>Pod sync: admission, computePodActions (kill on liveness/startup failure, start per restartPolicy and back-off), sync scheduling.</summary>
public sealed partial class PodKubelet
{
    private ITimer? _syncTimer;
    private bool _isAdmitted;
    private bool _syncQueued;
    private bool _syncPending;
    private bool _podWorkerBusy;
    private int _firstStartsPending;
    private bool _initDone;
    private bool _initFailed;

    private string RestartPolicy => _pod.Spec.RestartPolicy ?? "Always";

    private void Admit()
    {
        if (_isAdmitted || _disposed)
        {
            return;
        }

        _isAdmitted = true;
        _startTime = Now;

        // §1.1 AddPod: one worker per (container, probe), order startup, readiness, liveness; each probes at once (and finds no
        // container yet: the admission tick is skipped, the rhythm stays fixed from here, §2).
        foreach (var record in _containers.Where(r => r.Kind != ContainerKind.Init))
        {
            AddWorker(record, ProbeType.Startup, record.Spec.StartupProbe);
            AddWorker(record, ProbeType.Readiness, record.Spec.ReadinessProbe);
            AddWorker(record, ProbeType.Liveness, record.Spec.LivenessProbe);
        }

        _firstStartsPending = _containers.Count;
        RequestSync();
    }

    private void AddWorker(ContainerRecord record, ProbeType type, V1Probe? probe)
    {
        if (probe is null)
        {
            return;
        }

        var worker = new ProbeWorker(this, type, record.Spec, probe);
        _workers.Add(worker);
        worker.Start();
    }

    /// <summary>Queues one pod sync (coalesced, like the pod worker's single pending update).</summary>
    private void RequestSync()
    {
        if (_syncQueued || _disposed)
        {
            return;
        }

        _syncQueued = true;
        _loop.Post(SyncPod);
    }

    private void SyncPod()
    {
        _syncQueued = false;
        if (_disposed || !_isAdmitted)
        {
            return;
        }

        if (_podWorkerBusy)
        {
            // SyncPod blocks while it kills a container; updates arriving meanwhile run right after it.
            _syncPending = true;
            return;
        }

        // generateAPIPodStatus → UpdatePodStatus runs first in every sync, so unready readiness workers are triggered (§1.1).
        TriggerReadinessProbes();
        if (_terminating || _terminal)
        {
            return;
        }

        var kills = new List<(ContainerRecord Record, ProbeType Reason)>();
        var starts = new List<ContainerRecord>();
        PlanInitialization(starts);
        foreach (var record in _containers)
        {
            if (record.Kind == ContainerKind.Init || record.Starting || record.Stopping)
            {
                continue;
            }

            if (record.IsRunning)
            {
                // computePodActions: liveness failure first, then startup failure (§1.5).
                var id = record.Latest!.ContainerId;
                if (Result(ProbeType.Liveness, id) == ProbeVerdict.Failure)
                {
                    kills.Add((record, ProbeType.Liveness));
                }
                else if (Result(ProbeType.Startup, id) == ProbeVerdict.Failure)
                {
                    kills.Add((record, ProbeType.Startup));
                }
            }
            else if (_initDone && ShouldRestart(record))
            {
                starts.Add(record);
            }
        }

        // The back-off check uses the status from before any kill: the most recent exited instance at this moment (§1.6).
        var plan = starts.Select(r => (Record: r, Basis: r.MostRecentExited)).ToList();
        if (kills.Count == 0)
        {
            CompleteSync(StartContainers(plan));
            return;
        }

        // A sidecar is restarted whatever the pod's restartPolicy (computeInitContainerActions).
        bool Restarts(ContainerRecord r) => r.Kind == ContainerKind.Sidecar || RestartPolicy != "Never";
        plan.AddRange(kills.Where(k => Restarts(k.Record)).Select(k => (k.Record, k.Record.MostRecentExited)));
        _podWorkerBusy = true;
        var remaining = kills.Count;
        foreach (var (record, reason) in kills)
        {
            var verdict = KubeletEventMessages.FailedProbeKill(record.Name, reason, Restarts(record));
            var grace = KillGracePeriod.ForProbeFailure(_pod, record.Spec, reason);

            // killContainer's order: the log line, then the event (whose publication can take a while on a busy machine).
            var killedAt = LogKilling(record.Name, record.Latest!.ContainerId, TimeSpan.FromSeconds(grace), verdict);
            record.Hold(IsStarted(record), IsReady(record));
            _events.Normal(record.Name, KubeletEventMessages.Killing, verdict, killedAt);
            StopLatest(record, TimeSpan.FromSeconds(grace), () =>
            {
                if (--remaining == 0)
                {
                    CompleteKillPass(plan);
                }
            });
        }
    }

    // SyncPod step 7: after the kills, start what needs starting in the same pass (the first restart after a probe kill is immediate).
    private void CompleteKillPass(List<(ContainerRecord Record, ContainerInstanceRecord? Basis)> plan)
    {
        _podWorkerBusy = false;
        if (_terminating)
        {
            ReleaseHoldsOfWhatDoesNotStart();
            CheckTerminationDone();
            return;
        }

        var failed = StartContainers(plan);
        ReleaseHoldsOfWhatDoesNotStart();
        CompleteSync(failed);
    }

    // What is not restarting now (restartPolicy Never, held back by back-off, or the pod is terminating) is seen dead by the
    // next status; a container that is starting is released when its start completes (OnContainerStarted).
    private void ReleaseHoldsOfWhatDoesNotStart()
    {
        foreach (var record in _containers.Where(r => !r.Starting))
        {
            record.Release();
        }
    }

    private void CompleteSync(bool failed)
    {
        ScheduleNextSync(failed);
        if (_syncPending)
        {
            _syncPending = false;
            RequestSync();
        }
    }

    // pod_workers completeWork: retry a failed sync after backOffPeriod, else resync after syncFrequency; both jittered by up to +50 %.
    private void ScheduleNextSync(bool failed)
    {
        _syncTimer?.Dispose();
        _syncTimer = null;
        if (_terminating || _terminal || _disposed)
        {
            return;
        }

        var period = failed ? _options.SyncRetryPeriod : _options.ResyncInterval;
        if (period == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        _syncTimer = After(_options.Jitter(period, 0.5), RequestSync);
    }

    // Returns true when a start was held back by CrashLoopBackOff (the sync "failed").
    private bool StartContainers(List<(ContainerRecord Record, ContainerInstanceRecord? Basis)> plan)
    {
        var failed = false;
        foreach (var (record, basis) in plan)
        {
            if (basis?.Exit is { } exit && InBackOff(record, exit))
            {
                failed = true;
                continue;
            }

            StartContainer(record);
        }

        return failed;
    }

    // doBackOff (§1.6): in back-off → BackOff event + CrashLoopBackOff waiting reason; otherwise move the back-off on and start.
    private bool InBackOff(ContainerRecord record, ContainerExit lastExit)
    {
        var key = $"{_pod.Metadata.Uid}_{record.Name}";
        if (_backOff.IsInBackOffSince(key, lastExit.FinishedAt, Now))
        {
            _events.Warning(record.Name, KubeletEventMessages.BackOff, KubeletEventMessages.BackOffRestarting(record.Name, _pod));
            record.WaitingReason = "CrashLoopBackOff";
            record.WaitingMessage = KubeletEventMessages.CrashLoopWaiting(_backOff.Get(key), record.Name, _pod);
            return true;
        }

        _backOff.Next(key, lastExit.FinishedAt, Now);
        return false;
    }

    // computeInitContainerActions / findNextInitContainerToRun: init containers one at a time in order; a sidecar counts once it
    // runs and its startup probe (if any) passed; a failed plain one is started again, or fails the pod under Never.
    private void PlanInitialization(List<ContainerRecord> starts)
    {
        if (_initDone)
        {
            return;
        }

        foreach (var record in _containers.Where(r => r.Kind != ContainerKind.App))
        {
            if (record.Starting || record.Stopping)
            {
                return;
            }

            if (record.Kind == ContainerKind.Sidecar)
            {
                if (!record.IsRunning)
                {
                    starts.Add(record);
                    return;
                }

                if (!IsStarted(record))
                {
                    return;
                }

                continue;
            }

            if (record.IsRunning)
            {
                return;
            }

            if (InitCompleted(record))
            {
                continue;
            }

            // Not started yet, or failed: start it (again), unless restartPolicy Never makes the failure final.
            if (ShouldRestart(record))
            {
                starts.Add(record);
            }
            else
            {
                _initFailed = true;
            }

            return;
        }

        _initDone = true;
    }

    // A plain init container has done its work once it exited 0 (its "ready", Initialized's "complete").
    private static bool InitCompleted(ContainerRecord record) => record.Latest?.Exit?.ExitCode == 0;

    // kubecontainer.ShouldContainerBeRestarted.
    private bool ShouldRestart(ContainerRecord record)
    {
        if (_terminating)
        {
            return false;
        }

        var latest = record.Latest;
        if (latest is null)
        {
            return true;
        }

        if (latest.Exit is null)
        {
            return false;
        }

        if (record.Kind == ContainerKind.Sidecar)
        {
            return true;
        }

        if (record.Kind == ContainerKind.Init)
        {
            return latest.Exit.ExitCode != 0 && RestartPolicy != "Never";
        }

        return RestartPolicy switch
        {
            "Never" => false,
            "OnFailure" => latest.Exit.ExitCode != 0,
            _ => true,
        };
    }

    private void StartContainer(ContainerRecord record)
    {
        record.Starting = true;
        var restartCount = record.Latest is { } previous ? previous.RestartCount + 1 : 0;
        _events.Normal(record.Name, KubeletEventMessages.Pulled, KubeletEventMessages.ImagePresent(record.Spec.Image ?? string.Empty));
        _events.Normal(record.Name, KubeletEventMessages.Created, KubeletEventMessages.CreatedContainer(Profile, record.Name));
        Task<IContainerInstance> start;
        try
        {
            start = _runtime.StartAsync(new ContainerLaunch(Snapshot(), record.Spec, _podIp, restartCount), _disposal.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            start = Task.FromException<IContainerInstance>(ex);
        }

        _ = start.ContinueWith(
            t =>
            {
                if (!_loop.Post(() => OnContainerStarted(record, restartCount, t)) && t.IsCompletedSuccessfully)
                {
                    _ = StopOrphanAsync(t.Result); // the kubelet was disposed while the runtime was starting it
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task StopOrphanAsync(IContainerInstance instance)
    {
        try
        {
            await instance.StopAsync(TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            await instance.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _options.Log?.Invoke($"{Describe()}: stopping container {instance.ContainerId} after disposal failed: {ex.Message}");
        }
    }

    private void OnContainerStarted(ContainerRecord record, int restartCount, Task<IContainerInstance> start)
    {
        record.Starting = false;
        record.Release();
        if (_firstStartsPending > 0 && record.Latest is null)
        {
            _firstStartsPending--;
        }

        if (!start.IsCompletedSuccessfully)
        {
            var now = Now;
            record.Add(new ContainerInstanceRecord(null, string.Empty, now, restartCount) { Exit = new ContainerExit(128, now, "StartError") });
            _events.Warning(record.Name, KubeletEventMessages.Failed, $"Error: {start.Exception?.GetBaseException().Message ?? "start cancelled"}");
            RequestSync();
            return;
        }

        var instance = start.Result;
        _allInstances.Add(instance);
        var started = new ContainerInstanceRecord(instance, instance.ContainerId, instance.StartedAt, restartCount);
        record.Add(started);
        record.WaitingReason = null;
        record.WaitingMessage = null;
        if (instance.Exited is { IsCompletedSuccessfully: true, Result: { Reason: "StartError" } startError })
        {
            // The runtime could not start it (exit 128): a failed start, retried under back-off like a crash.
            started.Exit = startError;
            _events.Warning(record.Name, KubeletEventMessages.Failed, $"Error: failed to start container \"{record.Name}\"");
            if (_terminating)
            {
                CheckTerminationDone();
            }
            else
            {
                RequestSync();
            }

            return;
        }

        _events.Normal(record.Name, KubeletEventMessages.Started, KubeletEventMessages.StartedContainer(record.Name));
        LogContainerStarted(instance.ContainerId);
        OnLoop(instance.Exited, exited => OnInstanceExited(record, started, exited));
        if (_terminating)
        {
            // Deleted while starting: stop it straight away.
            _ = LogKilling(record.Name, instance.ContainerId, TerminationKillGrace(), verdict: null);
            StopLatest(record, TerminationKillGrace(), CheckTerminationDone);
            return;
        }

        RequestSync(); // PLEG ContainerStarted
    }

    private void OnInstanceExited(ContainerRecord record, ContainerInstanceRecord instance, Task<ContainerExit> exited)
    {
        if (instance.Exit is not null)
        {
            return;
        }

        instance.Exit = exited.IsCompletedSuccessfully ? exited.Result : new ContainerExit(137, Now, "Error");
        if (record.Stopping)
        {
            return; // the kill path carries on from StopAsync's completion
        }

        if (_terminating)
        {
            CheckTerminationDone();
            return;
        }

        RequestSync(); // PLEG ContainerDied: restart per restartPolicy and back-off
    }

    // killContainer: StopContainer(grace) = SIGTERM, SIGKILL at the deadline; the exit is whatever the runtime reports.
    private void StopLatest(ContainerRecord record, TimeSpan grace, Action then)
    {
        var latest = record.Latest!;
        record.Stopping = true;
        Task<ContainerExit> stop;
        try
        {
            stop = latest.Instance!.StopAsync(grace, _disposal.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stop = Task.FromException<ContainerExit>(ex);
        }

        OnLoop(stop, t =>
        {
            latest.Exit ??= t.IsCompletedSuccessfully ? t.Result : new ContainerExit(137, Now, "Error");
            record.Stopping = false;
            then();
        });
    }
}
