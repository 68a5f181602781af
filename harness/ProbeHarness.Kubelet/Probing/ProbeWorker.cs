using k8s.Models;
using ProbeHarness.Kubelet.Runtime;
using ProbeHarness.Kubelet.Semantics;

namespace ProbeHarness.Kubelet.Probing;

/// <summary>
/// The kubelet's probe worker for one (container, probe type) (§1.1–1.4, <c>prober/worker.go</c>): probes once at start and then on a
/// fixed ticker of <c>periodSeconds</c> (the rhythm set at pod admission, carried across restarts), or when manually triggered;
/// counts consecutive identical results against the thresholds; holds after a liveness failure or any startup result until a
/// new container id appears. Runs only on the pod's loop.
/// </summary>
internal sealed class ProbeWorker : IDisposable
{
    private readonly IProbeWorkerHost _host;
    private readonly TimeSpan _period;
    private ITimer? _ticker;
    private bool _inFlight;
    private bool _tickPending;
    private string? _containerId;
    private ProbeVerdict? _lastResult;
    private int _resultRun;
    private bool _onHold;

    /// <summary>Creates a worker for <paramref name="container"/>'s probe of <paramref name="type"/> (defaults applied here).</summary>
    public ProbeWorker(IProbeWorkerHost host, ProbeType type, V1Container container, V1Probe probe)
    {
        _host = host;
        Type = type;
        Container = container;
        Spec = ProbeDefaults.Apply(probe);
        _period = TimeSpan.FromSeconds(Spec.PeriodSeconds!.Value);

        // §1.2 newWorker: readiness starts at Failure, liveness at Success, startup at Unknown.
        InitialValue = type switch
        {
            ProbeType.Readiness => ProbeVerdict.Failure,
            ProbeType.Liveness => ProbeVerdict.Success,
            _ => ProbeVerdict.Unknown,
        };
    }

    /// <summary>The probe type.</summary>
    public ProbeType Type { get; }

    /// <summary>The probed container.</summary>
    public V1Container Container { get; }

    /// <summary>The probe with defaults applied.</summary>
    public V1Probe Spec { get; }

    /// <summary>The value set when a new container id is first seen.</summary>
    public ProbeVerdict InitialValue { get; }

    /// <summary>True once the worker has stopped for good.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Starts the ticker and probes at once (§1.1: no start jitter, the emulated kubelet "has been running").</summary>
    public void Start()
    {
        _ticker = _host.Time.CreateTimer(_ => _host.Post(OnTick), null, _period, _period);
        _host.Post(OnTick);
    }

    /// <summary>Sends the manual trigger (non-blocking, like the trigger channel) unless a probe is in flight now; see <see cref="Trigger"/>.</summary>
    public void RequestTrigger()
    {
        if (!Stopped && !_inFlight)
        {
            _host.Post(Trigger);
        }
    }

    /// <summary>
    /// Manual trigger from <c>UpdatePodStatus</c> (§1.1): probe now and, like v1.32's <c>probeTicker.Reset</c>, restart the rhythm
    /// from now. A trigger that arrives while a probe is in flight is folded into that probe: in the real kubelet the race between
    /// the sync goroutine and a millisecond probe decides whether a second probe follows; the emulator deterministically
    /// does not (so successThreshold &gt; 1 is not shortcut at container start).
    /// </summary>
    public void Trigger()
    {
        if (Stopped || _inFlight)
        {
            return;
        }

        ResetTicker();
        DoProbe();
    }

    /// <summary>Stops probing (terminal pod, pod deletion for liveness/startup, kubelet disposal).</summary>
    public void Stop()
    {
        Stopped = true;
        _ticker?.Dispose();
        _ticker = null;
    }

    /// <inheritdoc />
    public void Dispose() => Stop();

    private void OnTick()
    {
        if (Stopped)
        {
            return;
        }

        // A Go ticker keeps one tick while the worker is busy probing; it runs as soon as the probe returns.
        if (_inFlight)
        {
            _tickPending = true;
            return;
        }

        DoProbe();
    }

    private void ResetTicker()
    {
        _ticker?.Change(_period, _period);
        _tickPending = false;
    }

    // worker.doProbe up to the probe call (§1.1 steps 1–9); the rest runs in OnProbed when the prober answers.
    private void DoProbe()
    {
        var view = _host.View(Container.Name);
        if (view.PodTerminal)
        {
            Stop(); // step 2
            return;
        }

        if (view.ContainerId is null)
        {
            return; // step 3: not created yet (the admission tick lands here)
        }

        if (_containerId != view.ContainerId)
        {
            // Step 4: a new container re-seeds the initial value and lifts the hold; resultRun/lastResult stay (§1.3 quirk).
            if (_containerId is not null)
            {
                _host.RemoveResult(this, _containerId);
            }

            _containerId = view.ContainerId;
            _host.SetResult(this, _containerId, InitialValue);
            _onHold = false;
        }

        if (_onHold)
        {
            return; // step 5
        }

        if (!view.Running)
        {
            // Step 6: a non-running container is a failure for every probe type; stop if it will never run again.
            _host.SetResult(this, _containerId, ProbeVerdict.Failure);
            if (!view.WillRestart)
            {
                Stop();
            }

            return;
        }

        if (view.DeletionRequested && Type != ProbeType.Readiness)
        {
            // Step 7: graceful shutdown; liveness/startup report success and stop, readiness goes on.
            _host.SetResult(this, _containerId, ProbeVerdict.Success);
            Stop();
            return;
        }

        // Step 8: int32(time.Since(startedAt).Seconds()) < initialDelaySeconds; startedAt is whole seconds in the status.
        var sinceStart = _host.Time.GetUtcNow() - view.StartedAt!.Value;
        if ((int)Math.Truncate(sinceStart.TotalSeconds) < Spec.InitialDelaySeconds)
        {
            return;
        }

        // Step 9: startup gating.
        if (view.Started ? Type == ProbeType.Startup : Type != ProbeType.Startup)
        {
            return;
        }

        _inFlight = true;
        var containerId = _containerId;
        _ = _host.ProbeAsync(this, view.Instance!).ContinueWith(
            probe => _host.Post(() => OnProbed(containerId, probe)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnProbed(string containerId, Task<ProbeOutcome> probe)
    {
        _inFlight = false;
        if (Stopped)
        {
            return;
        }

        var outcome = probe.IsCompletedSuccessfully
            ? probe.Result
            : new ProbeOutcome(ProbeResult.Unknown, string.Empty, probe.Exception?.GetBaseException().Message ?? "probe cancelled");
        if (_host.Interpret(this, outcome) is { } result)
        {
            Count(containerId, result);
        }

        if (_tickPending)
        {
            _tickPending = false;
            DoProbe();
        }
    }

    // §1.3: runs of identical raw results; the cached state changes only at the threshold.
    private void Count(string containerId, ProbeVerdict result)
    {
        if (_lastResult == result)
        {
            _resultRun++;
        }
        else
        {
            _lastResult = result;
            _resultRun = 1;
        }

        if ((result == ProbeVerdict.Failure && _resultRun < Spec.FailureThreshold) ||
            (result == ProbeVerdict.Success && _resultRun < Spec.SuccessThreshold))
        {
            return;
        }

        _host.SetResult(this, containerId, result);

        // New code holds after a liveness failure or any startup result (#117153); v1.20 only after liveness/startup failures.
        var hold = Type switch
        {
            ProbeType.Liveness => result == ProbeVerdict.Failure,
            ProbeType.Startup => _host.Profile == KubeletProfile.V132 || result == ProbeVerdict.Failure,
            _ => false,
        };
        if (hold)
        {
            _onHold = true;
            _resultRun = 0;
        }
    }
}
