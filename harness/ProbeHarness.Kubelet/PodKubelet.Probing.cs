using ProbeHarness.Kubelet.Containers;
using ProbeHarness.Kubelet.Events;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Kubelet;

/// <summary>The probe manager side: results cache, reactions to result changes, the prober call and its events (§1.1–1.4, §1.9).</summary>
public sealed partial class PodKubelet : IProbeWorkerHost
{
    private const int MaxProbeAttempts = 3;
    private readonly Dictionary<(ProbeType Type, string ContainerId), ProbeVerdict> _results = [];

    TimeProvider IProbeWorkerHost.Time => _time;

    KubeletProfile IProbeWorkerHost.Profile => Profile;

    void IProbeWorkerHost.Post(Action action) => _loop.Post(action);

    ProbeTargetView IProbeWorkerHost.View(string containerName)
    {
        var record = _containers.First(c => c.Name == containerName);
        var latest = record.Latest;
        return new ProbeTargetView(
            PodTerminal: _terminal,
            DeletionRequested: _terminating,
            ContainerId: string.IsNullOrEmpty(latest?.ContainerId) ? null : latest.ContainerId,
            Running: record.IsRunning,
            WillRestart: record.Starting || ShouldRestart(record),
            StartedAt: record.IsRunning ? WholeSeconds(latest!.StartedAt) : null,
            Started: IsStarted(record),
            Instance: latest?.Instance);
    }

    void IProbeWorkerHost.SetResult(ProbeWorker worker, string containerId, ProbeVerdict verdict)
    {
        var key = (worker.Type, containerId);
        if (_results.TryGetValue(key, out var previous) && previous == verdict)
        {
            return; // results manager: an update only when the value changes
        }

        _results[key] = verdict;
        OnResultChanged(worker.Type, verdict);
    }

    void IProbeWorkerHost.RemoveResult(ProbeWorker worker, string containerId) => _results.Remove((worker.Type, containerId));

    async Task<ProbeOutcome> IProbeWorkerHost.ProbeAsync(ProbeWorker worker, IContainerInstance instance)
    {
        // runProbeWithRetries: up to 3 attempts, only while the prober returns an error.
        var target = new ProbeTarget(_podIp, worker.Container, instance);
        ProbeOutcome outcome = new(ProbeResult.Unknown, string.Empty, "probe not run");
        for (var attempt = 0; attempt < MaxProbeAttempts; attempt++)
        {
            try
            {
                outcome = await _prober.RunAsync(worker.Spec, target, _disposal.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException && !_disposal.IsCancellationRequested)
            {
                outcome = new ProbeOutcome(ProbeResult.Unknown, string.Empty, ex.Message);
            }

            if (outcome.Error is null)
            {
                break;
            }
        }

        return outcome;
    }

    ProbeVerdict? IProbeWorkerHost.Interpret(ProbeWorker worker, ProbeOutcome outcome)
    {
        var container = worker.Container.Name;
        if (outcome.Error is not null)
        {
            var state = outcome.Result.ToString().ToLowerInvariant();
            _events.Warning(container, KubeletEventMessages.Unhealthy, KubeletEventMessages.ProbeErrored(Profile, worker.Type, state, outcome.Error));
            return null; // the worker throws the result away (§1.1 step 10)
        }

        switch (outcome.Result)
        {
            case ProbeResult.Success:
                return ProbeVerdict.Success;
            case ProbeResult.Warning:
                _events.Warning(container, KubeletEventMessages.ProbeWarning, KubeletEventMessages.ProbeWarned(worker.Type, outcome.Output));
                return ProbeVerdict.Success;
            case ProbeResult.Failure:
                var failedAt = LogProbeFailed(container, worker.Type, FailureOutput(worker, outcome));
                _events.Warning(container, KubeletEventMessages.Unhealthy, KubeletEventMessages.ProbeFailed(worker.Type, FailureOutput(worker, outcome)), failedAt);
                return ProbeVerdict.Failure;
            default:
                return ProbeVerdict.Failure; // Unknown without an error: failure, no event
        }
    }

    // §2: v1.20 reports an exec probe timeout with an empty message.
    private string FailureOutput(ProbeWorker worker, ProbeOutcome outcome) =>
        Profile == KubeletProfile.V120 && worker.Spec.Exec is not null && outcome.Output.StartsWith("command timed out", StringComparison.Ordinal)
            ? string.Empty
            : outcome.Output;

    // kubelet syncLoopIteration (§1.4, §1.5): which result changes queue a pod sync, per profile.
    private void OnResultChanged(ProbeType type, ProbeVerdict verdict)
    {
        var sync = type switch
        {
            ProbeType.Liveness => verdict == ProbeVerdict.Failure,
            _ => Profile == KubeletProfile.V132, // v1.20 only updated the status manager for readiness/startup
        };
        if (sync)
        {
            RequestSync();
        }
    }

    // UpdatePodStatus (§1.1, v1.32 only): trigger readiness workers of started, running containers that are not ready.
    private void TriggerReadinessProbes()
    {
        if (Profile == KubeletProfile.V120)
        {
            return;
        }

        foreach (var worker in _workers.Where(w => w.Type == ProbeType.Readiness && !w.Stopped))
        {
            var record = _containers.First(c => c.Name == worker.Container.Name);
            if (record.IsRunning && IsStarted(record) && Result(ProbeType.Readiness, record.Latest!.ContainerId) != ProbeVerdict.Success)
            {
                worker.RequestTrigger();
            }
        }
    }

    private ProbeVerdict? Result(ProbeType type, string containerId) =>
        _results.TryGetValue((type, containerId), out var verdict) ? verdict : null;

    // isContainerStarted (§1.4): running and (startup Success, or no startup probe).
    private bool IsStarted(ContainerRecord record) =>
        record.IsRunning &&
        (record.Spec.StartupProbe is null || Result(ProbeType.Startup, record.Latest!.ContainerId) == ProbeVerdict.Success);

    // §1.11: ready iff started, running and readiness Success (or no readiness probe).
    private bool IsReady(ContainerRecord record) =>
        IsStarted(record) &&
        (record.Spec.ReadinessProbe is null || Result(ProbeType.Readiness, record.Latest!.ContainerId) == ProbeVerdict.Success);

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
