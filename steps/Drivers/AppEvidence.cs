using k8s.Models;
using ProbeHarness.Kubelet.Timing;

namespace ProbeHarness.Steps.Drivers;

/// <summary>
/// The target app's own millisecond view of one pod (its event lines, current and previous instance): when a fault took
/// effect, when a probe was answered with a failure, when SIGTERM came, when the process exited and when the next one
/// started. Each is an instant narrow enough to sharpen a whole-second server timestamp.
/// </summary>
public sealed class AppEvidence(AppEventLines lines)
{
    // Between the app writing an answer and the kubelet handling it.
    private static readonly TimeSpan Handling = TimeSpan.FromMilliseconds(50);

    // Between the kubelet logging a kill and the app seeing SIGTERM: the CRI StopContainer call and the runtime's signal.
    // Measured on a loaded v1.20 node: 65 ms (kubelet line 00.776, containerd's "with signal terminated" 00.840).
    private static readonly TimeSpan SignalDelivery = TimeSpan.FromMilliseconds(150);

    // How long after the kubelet gave up the app may notice the closed connection; aborts are coarse instants for it.
    private static readonly TimeSpan AbortNotice = TimeSpan.FromMilliseconds(500);

    // The kernel's process start has 10 ms ticks; the runtime records its start just before.
    private static readonly TimeSpan StartTick = TimeSpan.FromMilliseconds(10);

    /// <summary>No evidence (the log could not be read).</summary>
    public static AppEvidence None { get; } = new(AppEventLines.Empty);

    /// <summary>When <paramref name="fault"/> took effect in the app, or null when no line says so.</summary>
    public MeasuredInstant? FaultApplied(InjectedFault fault) =>
        FaultAppliedLine(fault) is { } applied
            ? MeasuredInstant.Exact(applied.ActiveFrom ?? applied.At + TimeSpan.FromSeconds(fault.Request.ActiveAfterSeconds))
            : null;

    // The app's fault-applied line for the call that injected the fault: same target, written while the call was answered.
    private AppEvent? FaultAppliedLine(InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var target = TargetWord(fault.Request.Target);
        var after = TimeSpan.FromSeconds(fault.Request.ActiveAfterSeconds);
        var sent = fault.Active.Earliest - after - Handling;
        var answered = fault.Active.Latest - after + Handling;
        return lines.OfKind(AppEventKind.FaultApplied)
            .FirstOrDefault(e => e.Source == "api" && e.Target == target && e.At >= sent && e.At <= answered);
    }

    /// <summary>The <paramref name="n"/>-th consecutive failed answer (from 1) to <paramref name="probe"/> from <paramref name="from"/> on, as the kubelet saw it; null when the app cannot tell (exec; TCP, whose refused connections leave no line) or it did not come.</summary>
    public MeasuredInstant? FailedAnswer(V1Probe probe, DateTimeOffset from, int n = 1) => Streak(probe, from, n, failed: true);

    /// <summary>The <paramref name="n"/>-th consecutive successful answer (from 1) to <paramref name="probe"/> from <paramref name="from"/> on; null when the app cannot tell (exec) or it did not come.</summary>
    public MeasuredInstant? SuccessfulAnswer(V1Probe probe, DateTimeOffset from, int n = 1) => Streak(probe, from, n, failed: false);

    /// <summary>Whether the app's last answer to <paramref name="probe"/> succeeded, which resets the kubelet's failure count; false when none came yet, null when the app cannot tell (exec).</summary>
    public bool? LastAnswerSucceeded(V1Probe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return probe.HttpGet is null && probe.Grpc is null && probe.TcpSocket is null ? null : Answers(probe).LastOrDefault()?.Succeeded ?? false;
    }

    private MeasuredInstant? Streak(V1Probe probe, DateTimeOffset from, int n, bool failed)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (!Covers(from))
        {
            return null;
        }

        var streak = 0;
        foreach (var answer in Answers(probe).Where(a => a.At >= from))
        {
            streak = (failed ? answer.Failed : answer.Succeeded) ? streak + 1 : 0;
            if (streak == n)
            {
                return answer.Instant;
            }
        }

        return null;
    }

    /// <summary>When the window of <paramref name="fault"/> closed by itself (its <c>forSeconds</c> ran out), as the app logged it; null when no line says so.</summary>
    public MeasuredInstant? FaultEnded(InjectedFault fault) =>
        FaultAppliedLine(fault)?.ActiveUntil is { } until ? MeasuredInstant.Exact(until) : null;

    /// <summary>When the kill began: just before the instance running from <paramref name="from"/> on received SIGTERM; null when no line says so.</summary>
    public MeasuredInstant? Kill(DateTimeOffset from) =>
        Covers(from) && lines.OfKind(AppEventKind.SignalReceived).FirstOrDefault(e => e.Signal == "SIGTERM" && e.At >= from) is { } signal
            ? new MeasuredInstant(signal.At - SignalDelivery, signal.At, InstantSource.AppLog)
            : null;

    /// <summary>When the process that got the kill ended: right after its exiting line; null after a SIGKILL (no line).</summary>
    public MeasuredInstant? Exit(DateTimeOffset from) =>
        Covers(from) && lines.OfKind(AppEventKind.ProcessExiting).FirstOrDefault(e => e.At >= from) is { } exiting
            ? new MeasuredInstant(exiting.At, exiting.At + Handling, InstantSource.AppLog)
            : null;

    /// <summary>When the next instance started, from <paramref name="from"/> on (the kernel's process start); null when its log is not at hand.</summary>
    public MeasuredInstant? Started(DateTimeOffset from) =>
        Covers(from - StartTick) && lines.OfKind(AppEventKind.ProcessStarted).FirstOrDefault(e => e.ProcessStartedAt is { } at && at >= from - StartTick) is { ProcessStartedAt: { } start }
            ? new MeasuredInstant(start - StartTick, start + StartTick, InstantSource.AppLog)
            : null;

    /// <summary>
    /// True when the log reaches back to <paramref name="from"/>: its oldest line is no later. The API keeps only the
    /// current and the previous container's log, so after several restarts "the first failure from then on" would
    /// otherwise be a later instance's, not the first.
    /// </summary>
    public bool Covers(DateTimeOffset from) => lines.Events.Count > 0 && lines.Events.Min(e => e.At) <= from;

    /// <summary><paramref name="coarse"/> narrowed by <paramref name="precise"/> when they overlap; when they do not, the coarse one and a note saying so.</summary>
    public static (MeasuredInstant? Instant, string? Note) Sharpen(MeasuredInstant? coarse, MeasuredInstant? precise, string what)
    {
        if (coarse is null || precise is null)
        {
            return (coarse ?? precise, null);
        }

        return coarse.Intersect(precise) is { } both
            ? (both, null)
            : (coarse, $"the app's log puts the {what} at {precise.Mid:HH:mm:ss.fff}, outside what the cluster's timestamps allow ({coarse.Earliest:HH:mm:ss.fff}–{coarse.Latest:HH:mm:ss.fff}); the cluster's is shown");
    }

    // The answers the probe's requests produced, as the kubelet saw them: HTTP answers on its path, gRPC answers for its
    // service's probe, accepted connections on its TCP port (a refused one leaves no line, so TCP shows only successes).
    private IEnumerable<ProbeAnswer> Answers(V1Probe probe)
    {
        if (probe.HttpGet is { } http)
        {
            var path = (http.Path ?? "/").Split('?')[0];
            return lines.OfKind(AppEventKind.ProbeAnswered).Where(e => e.Path == path).Select(ProbeAnswer.Of);
        }

        if (probe.Grpc is { } grpc)
        {
            var served = FaultReach.GrpcServiceTarget(grpc.Service) is { } target ? FaultRequest.ProbeOf(target) : null;
            return lines.OfKind(AppEventKind.GrpcAnswered).Where(e => served is not null && e.Probe == served).Select(ProbeAnswer.Of);
        }

        if (probe.TcpSocket is { } tcp)
        {
            // A named port is the container's TCP probe port; the app logs accepted connections on that listener only.
            var port = int.TryParse(tcp.Port?.Value, out var number) ? number : (int?)null;
            return lines.OfKind(AppEventKind.TcpAccepted)
                .Where(e => port is null || e.Port == port)
                .Select(e => new ProbeAnswer(e.At, Failed: false, Succeeded: true, new MeasuredInstant(e.At - Handling, e.At + Handling, InstantSource.AppLog)));
        }

        return [];
    }

    // One probe attempt as the app saw it, and when the kubelet had its result.
    private sealed record ProbeAnswer(DateTimeOffset At, bool Failed, bool Succeeded, MeasuredInstant Instant)
    {
        public static ProbeAnswer Of(AppEvent answer)
        {
            var failed = answer.Healthy == false || (answer.Aborted && answer.AbortedBy == "client");

            // An answer reaches the kubelet after its write began and just after the write returned; a loaded app can return
            // from the write after the kubelet has read it (74 ms seen). A client abort is noticed after the kubelet gave up,
            // as late as the app's threads get to it (154 ms seen on a loaded node).
            var instant = answer.Aborted
                ? new MeasuredInstant(answer.At - AbortNotice, answer.At, InstantSource.AppLog)
                : new MeasuredInstant(answer.SendingAt is { } sending && sending < answer.At ? sending : answer.At, answer.At + Handling, InstantSource.AppLog);
            return new ProbeAnswer(answer.At, failed, answer.Healthy == true, instant);
        }
    }

    private static string TargetWord(FaultTarget target) => target switch
    {
        FaultTarget.LivenessEndpoint => "liveness",
        FaultTarget.ReadinessEndpoint => "readiness",
        FaultTarget.StartupEndpoint => "startup",
        FaultTarget.TcpPort => "tcp",
        FaultTarget.Dependency => "dependency",
        FaultTarget.Process => "crash",
        FaultTarget.Memory => "leak",
        FaultTarget.Execution => "freeze",
        _ => "all",
    };
}
