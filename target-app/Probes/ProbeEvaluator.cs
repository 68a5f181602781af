using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Lifecycle;

namespace ProbeHarness.TargetApp.Probes;

/// <summary>Decides every probe answer (HTTP, gRPC, health file) from faults, start-time delays, the dependency and shutdown.</summary>
/// <remarks>
/// Precedence: readiness during shutdown (when configured) → an active fault → start-time delays → the dependency → ok.
/// Mode slow and the passing probes of mode flap fall through to the later rules, so a slow probe can still say 503.
/// </remarks>
public sealed class ProbeEvaluator
{
    private readonly FaultBoard _board;
    private readonly InstanceLifecycle _lifecycle;
    private readonly TargetAppSettings _settings;
    private readonly TimeProvider _time;

    /// <summary>Creates the evaluator over the app's live state.</summary>
    public ProbeEvaluator(FaultBoard board, InstanceLifecycle lifecycle, TargetAppSettings settings, TimeProvider time)
    {
        _board = board;
        _lifecycle = lifecycle;
        _settings = settings;
        _time = time;
    }

    /// <summary>Answers one probe request of <paramref name="kind"/>; counts it for mode flap.</summary>
    public ProbeVerdict Evaluate(ProbeKind kind)
    {
        var now = _time.GetUtcNow();
        if (kind == ProbeKind.Readiness && _settings.ReadinessFailsOnShutdown && _lifecycle.TerminatingSince is not null)
        {
            return ProbeVerdict.Failing(503, "shutting down");
        }

        var snapshot = _board.Current;
        var fault = snapshot.For(kind);
        if (!fault.IsActiveAt(now))
        {
            return Underlying(kind, snapshot, now);
        }

        switch (fault.Mode)
        {
            case FaultMode.Fail:
                return ProbeVerdict.Failing(fault.FailureStatus, "fault:fail");
            case FaultMode.Hang:
                return new ProbeVerdict(ProbeAction.Hang, 0, "fault:hang");
            case FaultMode.Redirect:
                return new ProbeVerdict(ProbeAction.Redirect, fault.RedirectStatus, "fault:redirect", Location: fault.Location);
            case FaultMode.Slow:
                var underlying = Underlying(kind, snapshot, now);
                return underlying with { Delay = TimeSpan.FromMilliseconds(fault.DelayMs ?? 0), Reason = $"fault:slow, {underlying.Reason}" };
            case FaultMode.Flap:
                var number = _board.NextProbeNumber(kind);
                if (number % (fault.Every ?? 1) == 0)
                {
                    return ProbeVerdict.Failing(fault.FailureStatus, $"fault:flap probe {number}");
                }

                var passing = Underlying(kind, snapshot, now);
                return passing with { Reason = $"fault:flap probe {number}, {passing.Reason}" };
            default:
                return Underlying(kind, snapshot, now);
        }
    }

    /// <summary>Whether liveness is healthy now, without counting a probe: false under an active fail or hang fault, or a failing own state.</summary>
    public bool IsLivenessHealthy()
    {
        var now = _time.GetUtcNow();
        var snapshot = _board.Current;
        var fault = snapshot.Liveness;
        if (fault.IsActiveAt(now) && fault.Mode is FaultMode.Fail or FaultMode.Hang)
        {
            return false;
        }

        return Underlying(ProbeKind.Liveness, snapshot, now).IsHealthy;
    }

    /// <summary>The next moment a fault window of one of <paramref name="kinds"/> opens or closes, if any; until then those faults cannot change by themselves.</summary>
    public DateTimeOffset? NextFaultChange(params ProbeKind[] kinds)
    {
        var now = _time.GetUtcNow();
        var faults = _board.Current;
        return kinds.Select(faults.For).SelectMany(fault => new[] { fault.ActiveFrom, fault.ActiveUntil }).Where(moment => moment > now).Min();
    }

    private ProbeVerdict Underlying(ProbeKind kind, FaultSnapshot snapshot, DateTimeOffset now)
    {
        var sinceListening = now - (_lifecycle.ListeningSince ?? now);
        if (kind != ProbeKind.Liveness && sinceListening < _settings.StartupDelay)
        {
            return ProbeVerdict.Failing(503, "starting");
        }

        if (kind == ProbeKind.Readiness && sinceListening < _settings.ReadyDelay)
        {
            return ProbeVerdict.Failing(503, "not ready yet");
        }

        var checksDependency = kind == ProbeKind.Readiness || (kind == ProbeKind.Liveness && _settings.LivenessChecksDependency);
        if (checksDependency && !snapshot.DependencyAvailable)
        {
            return ProbeVerdict.Failing(503, "dependency unavailable");
        }

        return ProbeVerdict.Ok;
    }
}
