using ProbeHarness.Kubelet.Containers;
using ProbeHarness.Kubelet.Events;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;

namespace ProbeHarness.Kubelet;

/// <summary>Pod deletion (§1.8, <c>SyncTerminatingPod</c>): status, stop liveness/startup, kill all containers with the grace period, remove the workers.</summary>
public sealed partial class PodKubelet
{
    private bool _terminating;
    private bool _terminationDone;

    private void BeginTermination(long? gracePeriodSeconds)
    {
        if (_terminating || _disposed)
        {
            return;
        }

        var seconds = gracePeriodSeconds ?? _pod.Metadata.DeletionGracePeriodSeconds ?? ProbeDefaults.PodGracePeriodSeconds(_pod.Spec);
        _terminating = true;

        // The API server's graceful deletion: deletionTimestamp = now + grace.
        _pod.Metadata.DeletionTimestamp = (Now + TimeSpan.FromSeconds(seconds)).UtcDateTime;
        _pod.Metadata.DeletionGracePeriodSeconds = seconds;
        _syncTimer?.Dispose();
        _syncTimer = null;

        // probeManager.StopLivenessAndStartup: no liveness kill while terminating; readiness keeps probing.
        foreach (var worker in _workers.Where(w => w.Type != ProbeType.Readiness))
        {
            worker.Stop();
        }

        foreach (var record in _containers)
        {
            record.WaitingReason = null;
            record.WaitingMessage = null;

            // Sidecars stop after the app containers (StopSidecarsInTurn).
            if (record.Kind != ContainerKind.Sidecar && record.IsRunning && !record.Stopping)
            {
                var killedAt = LogKilling(record.Name, record.Latest!.ContainerId, TerminationKillGrace(), verdict: null);
                _events.Normal(record.Name, KubeletEventMessages.Killing, KubeletEventMessages.Stopping(record.Name), killedAt);
                StopLatest(record, TerminationKillGrace(), CheckTerminationDone);
            }
        }

        TriggerReadinessProbes();
        if (!_isAdmitted)
        {
            _isAdmitted = true;
            _startTime = Now;
            _firstStartsPending = 0;
        }

        CheckTerminationDone();
    }

    // kuberuntime_termination_order.go: once every app (and plain init) container has exited, the sidecars are stopped in
    // reverse spec order, one after the other, each with what is left of the grace period (at least 2 s).
    private void StopSidecarsInTurn()
    {
        if (!_terminating || _terminationDone
            || _containers.Any(c => (c.Kind != ContainerKind.Sidecar && (c.IsRunning || c.Starting || c.Stopping)) || (c.Kind == ContainerKind.Sidecar && c.Stopping)))
        {
            return;
        }

        if (_containers.LastOrDefault(c => c.Kind == ContainerKind.Sidecar && c.IsRunning) is not { } sidecar)
        {
            return;
        }

        var left = new DateTimeOffset(_pod.Metadata.DeletionTimestamp!.Value, TimeSpan.Zero) - Now;
        var grace = TimeSpan.FromSeconds(Math.Max(KillGracePeriod.MinimumSeconds, Math.Ceiling(left.TotalSeconds)));
        var killedAt = LogKilling(sidecar.Name, sidecar.Latest!.ContainerId, grace, verdict: null);
        _events.Normal(sidecar.Name, KubeletEventMessages.Killing, KubeletEventMessages.Stopping(sidecar.Name), killedAt);
        StopLatest(sidecar, grace, CheckTerminationDone);
    }

    // setTerminationGracePeriod with pod.DeletionGracePeriodSeconds set, floored at 2 s.
    private TimeSpan TerminationKillGrace() =>
        TimeSpan.FromSeconds(Math.Max(KillGracePeriod.MinimumSeconds, _pod.Metadata.DeletionGracePeriodSeconds ?? ProbeDefaults.PodGracePeriodSeconds(_pod.Spec)));

    private void CheckTerminationDone()
    {
        StopSidecarsInTurn();
        if (!_terminating || _terminationDone || _podWorkerBusy || _containers.Any(c => c.IsRunning || c.Starting || c.Stopping))
        {
            return;
        }

        // probeManager.RemovePod: readiness stops too.
        _terminationDone = true;
        foreach (var worker in _workers)
        {
            worker.Stop();
        }
    }
}
