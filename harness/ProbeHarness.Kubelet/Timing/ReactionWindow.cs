using System.Globalization;
using k8s.Models;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;

namespace ProbeHarness.Kubelet.Timing;

/// <summary>
/// The window in which a real kubelet must react to a probe fault, predicted from the same semantics the emulator runs
/// (§1.1–1.6, §2); the one place every timing bound of the harness is computed. Notation: p = periodSeconds, T = timeoutSeconds,
/// fT/sT = failure/success threshold, d = initialDelaySeconds, δ = how long a failing attempt lasts (0 fail-fast, T for a hang
/// or a too-slow answer) and e = max(p, δ), the spacing of failing attempts (a probe that outlives the period runs again as soon
/// as it returns, §1.1).
/// <list type="bullet">
/// <item>Fault injected into a running container (fixed probe rhythm, unknown phase): the first failing attempt ends within
/// [δ, p + δ]; detection at <c>[(fT−1)·e + δ, p + (fT−1)·e + δ]</c>.</item>
/// <item>Fault injected s seconds after the container's start, before the initial delay ended: as above, with the first attempt
/// no earlier than l − 1 and no later than l after the fault, l = d − s (the rest of the initial delay).</item>
/// <item>Fault present from container start: the first attempt is the first admission-rhythm tick at least d − 1 s (startedAt is
/// truncated to whole seconds) after the start: <c>[max(d−1, 0) + (fT−1)·e + δ, d + p + (fT−1)·e + δ]</c>.</item>
/// <item>v1.20 startup failure: the kill waits for the next periodic sync, up to 1.5 × resync later.</item>
/// <item>Exit after the kill: min(exit after SIGTERM, grace), or the grace deadline when SIGTERM is ignored.</item>
/// <item>Restart: detection + exit + the back-off in force (0 for the first restart after a probe kill, else <c>[b, b + 1.5·retry]</c>).</item>
/// <item>Ready again after recovery: <c>[(sT−1)·p, first + (sT−1)·p]</c> with first = p, or max(p, T) when a hanging attempt may still be in flight.</item>
/// <item>Started: <c>[0, d + fT·p + T]</c>, the startup probe's whole budget; Ready after the start: started, then ready again; Ready with
/// only a readiness probe: its initial delay, then ready again.</item>
/// <item>Back-off delay n (0-based): <c>[b, b + 1.5·retry]</c> with b = min(10·2ⁿ, 300) s.</item>
/// <item>Never: a flap shorter than fT, or answers slower than nothing but faster than T.</item>
/// </list>
/// A measurement is judged against [<see cref="Min"/> − <see cref="Jitter"/>, <see cref="Max"/> + <see cref="Jitter"/>], widened by its own precision.
/// </summary>
/// <param name="Min">Earliest reaction after the reference moment.</param>
/// <param name="Max">Latest reaction the model allows; <see cref="TimeSpan.MaxValue"/> when the kubelet never reacts.</param>
/// <param name="Formula">The formula with the values filled in.</param>
public sealed record ReactionWindow(TimeSpan Min, TimeSpan Max, string Formula)
{
    /// <summary>How much later than <see cref="Max"/> a real kubelet may still react (scheduling, relist, controller sync), named in <see cref="Formula"/>.</summary>
    public TimeSpan Jitter { get; init; }

    /// <summary>True when the fault never makes the kubelet react.</summary>
    public bool Never => Max == TimeSpan.MaxValue;

    /// <summary>True when <paramref name="elapsed"/> lies inside [Min, Max] (jitter not included).</summary>
    public bool Contains(TimeSpan elapsed) => !Never && elapsed >= Min && elapsed <= Max;

    /// <summary>The latest reaction still within bound: <see cref="Max"/> + <see cref="Jitter"/>.</summary>
    public TimeSpan Latest => Never ? TimeSpan.MaxValue : Max + Jitter;

    /// <summary>A window stated by a scenario (no model, no jitter).</summary>
    public static ReactionWindow Stated(double minSeconds, double maxSeconds) =>
        new(TimeSpan.FromSeconds(minSeconds), TimeSpan.FromSeconds(maxSeconds), "stated by the scenario");

    /// <summary>
    /// Judges <paramref name="measured"/>: within bound when its interval meets [Min − Jitter, Max + Jitter] (a measurement is only as
    /// exact as its precision), early or late when it lies wholly before or after, missed when there is none.
    /// </summary>
    public TimingVerdict Judge(MeasuredDuration? measured)
    {
        if (measured is null)
        {
            return TimingVerdict.Missed;
        }

        // A probe tick that ran late still counts from its nominal phase, so the next comes sooner: the jitter applies before Min too.
        if (measured.LatestSeconds < Min.TotalSeconds - Jitter.TotalSeconds)
        {
            return TimingVerdict.Early;
        }

        return measured.EarliestSeconds > Latest.TotalSeconds ? TimingVerdict.Late : TimingVerdict.WithinBound;
    }

    /// <summary>Predicts the window for <paramref name="query"/>.</summary>
    /// <exception cref="ArgumentException">The measure does not apply to the probe type (e.g. a readiness restart) or the fault.</exception>
    public static ReactionWindow Predict(ReactionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var probe = ProbeDefaults.Apply(query.Probe);
        double p = probe.PeriodSeconds!.Value, t = probe.TimeoutSeconds!.Value;
        double ft = probe.FailureThreshold!.Value, st = probe.SuccessThreshold!.Value, d = probe.InitialDelaySeconds ?? 0;
        var fault = query.Fault;
        var values = $"p={S(p)}, T={S(t)}, fT={S(ft)}, sT={S(st)}, d={S(d)}";

        switch (query.Measure)
        {
            case ReactionMeasure.ReadyAgain or ReactionMeasure.EndpointReady:
                return ReadyAgain(query, p, t, st, values);
            case ReactionMeasure.Started or ReactionMeasure.Ready:
                return StartedOrReady(query, p, t, ft, st, d, values);
            case ReactionMeasure.BackOffDelay:
                return BackOffDelay(query);
        }

        if (fault.Kind == FaultKind.Recover)
        {
            throw new ArgumentException($"{nameof(FaultKind.Recover)} is timed with {nameof(ReactionMeasure.ReadyAgain)}", nameof(query));
        }

        if (query.Measure is ReactionMeasure.Restart or ReactionMeasure.Kill or ReactionMeasure.Exit && query.ProbeType == ProbeType.Readiness)
        {
            throw new ArgumentException("a readiness failure never kills or restarts the container", nameof(query));
        }

        if (query.Measure == ReactionMeasure.Exit)
        {
            var (exitMin, exitMax, how) = ExitAfterKill(query);
            return new ReactionWindow(TimeSpan.FromSeconds(exitMin), TimeSpan.FromSeconds(exitMax), $"kill→exit: {how}") { Jitter = Jitters.Exit }.WithJitterText("signal delivery and process exit");
        }

        double delta;
        switch (fault.Kind)
        {
            case FaultKind.Hang:
                delta = t;
                break;
            case FaultKind.Slow when fault.Delay.TotalSeconds < t:
                return NeverWindow($"each answer takes {S(fault.Delay.TotalSeconds)} s < timeoutSeconds {S(t)} s, so every attempt succeeds");
            case FaultKind.Slow:
                delta = t;
                break;
            case FaultKind.Flap when fault.FlapEvery < ft && query.Measure != ReactionMeasure.FirstFailure:
                return NeverWindow($"at most {fault.FlapEvery} failures in a row < failureThreshold {S(ft)}, so the run never reaches the threshold");
            default:
                delta = 0;
                break;
        }

        var e = Math.Max(p, delta);
        values += $", δ={S(delta)}, e=max(p, δ)={S(e)}";
        // A fault injected while the initial delay still runs is first probed when it ends: l = d − s of it is left.
        var left = !fault.PresentFromStart && fault.SinceStart is { } since && d - since.TotalSeconds > 0 ? d - since.TotalSeconds : (double?)null;
        var start = fault.PresentFromStart ? (Min: Math.Max(d - 1, 0), Max: d) : left is { } l ? (Min: Math.Max(l - 1, 0), Max: l) : (Min: 0.0, Max: 0.0);
        var origin = fault.PresentFromStart ? "from container start" : "from the fault";
        var lead = fault.PresentFromStart ? "max(d−1, 0) + " : left is null ? string.Empty : "max(l−1, 0) + ";
        var leadMax = fault.PresentFromStart ? "d + " : left is null ? string.Empty : "l + ";
        if (left is { } leftValue)
        {
            values += $", l=d−s={S(leftValue)} (s={S(d - leftValue)} s from the start to the fault)";
        }

        if (query.Measure == ReactionMeasure.FirstFailure)
        {
            // A flapping endpoint (n failures, then n successes) fails at the latest after n passing attempts.
            var wait = fault.Kind == FaultKind.Flap ? fault.FlapEvery * p : 0;
            var flapText = fault.Kind == FaultKind.Flap ? $" + n·p (a flap passes up to n={fault.FlapEvery} attempts first)" : string.Empty;
            return new ReactionWindow(
                TimeSpan.FromSeconds(start.Min + delta),
                TimeSpan.FromSeconds(start.Max + p + delta + wait),
                $"first failure {origin}: [{lead}δ, {leadMax}p + δ{flapText}] with {values}")
            { Jitter = Jitters.Probe(probe) }.WithJitterText(JitterReason(probe));
        }

        var min = start.Min + ((ft - 1) * e) + delta;
        var max = start.Max + p + ((ft - 1) * e) + delta;
        var formula = $"{origin}: [{lead}(fT−1)·e + δ, {leadMax}p + (fT−1)·e + δ]";

        if (query.Profile == KubeletProfile.V120 && query.ProbeType == ProbeType.Startup)
        {
            var resync = 1.5 * query.ResyncInterval.TotalSeconds;
            max += resync;
            formula += $" + [0, 1.5·resync={S(resync)}] (v1.20 kills at the next periodic sync)";
        }

        var jitter = Jitters.Probe(probe);
        var jitterText = JitterReason(probe);
        if (query.Measure == ReactionMeasure.NotReady && query.ProbeType != ProbeType.Readiness)
        {
            // A killed container is not Ready once it has exited.
            var (_, exitMax, how) = ExitAfterKill(query);
            max += exitMax;
            formula += $" + [0, {S(exitMax)}] ({how}; a killed container turns not Ready when it exits, or sooner)";
            jitter += Jitters.Exit;
        }
        else if (query.Measure == ReactionMeasure.EndpointNotReady)
        {
            jitter += Jitters.Controller;
            jitterText += ", then the EndpointSlice controller's sync";
        }
        else if (query.Measure == ReactionMeasure.Restart)
        {
            var (exitMin, exitMax, how) = ExitAfterKill(query);
            min += exitMin;
            max += exitMax;
            formula += $" + exit {how}";
            var backOff = query.RestartBackOff.TotalSeconds;
            if (backOff > 0)
            {
                var retry = 1.5 * query.SyncRetryPeriod.TotalSeconds;
                min += backOff;
                max += backOff + retry;
                formula += $" + [b, b + 1.5·retry] with b={S(backOff)}, 1.5·retry={S(retry)}";
            }
            else
            {
                formula += " + 0 (first restart after a probe kill: no back-off)";
            }

            jitter = Jitters.Restart;
            jitterText = "PLEG relist (1 s) and the runtime starting the container";
        }

        return new ReactionWindow(TimeSpan.FromSeconds(min), TimeSpan.FromSeconds(max), $"{formula} with {values}") { Jitter = jitter }.WithJitterText(jitterText);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Never ? $"never: {Formula}" : $"[{S(Min.TotalSeconds)}, {S(Max.TotalSeconds)}] s: {Formula}";

    private ReactionWindow WithJitterText(string reason) =>
        Jitter > TimeSpan.Zero ? this with { Formula = $"{Formula}; ± up to {S(Jitter.TotalSeconds)} s ({reason}), ± the measurement's precision" } : this;

    private static ReactionWindow ReadyAgain(ReactionQuery query, double p, double t, double st, string values)
    {
        if (query.ProbeType != ProbeType.Readiness)
        {
            throw new ArgumentException($"{nameof(ReactionMeasure.ReadyAgain)} applies to readiness probes, not {query.ProbeType}", nameof(query));
        }

        var fault = query.Fault;
        var fromHang = fault.Kind == FaultKind.Hang || (fault.Kind == FaultKind.Slow && fault.Delay.TotalSeconds >= t);
        var first = fromHang ? Math.Max(p, t) : p;
        var endpoint = query.Measure == ReactionMeasure.EndpointReady;
        return new ReactionWindow(
            TimeSpan.FromSeconds((st - 1) * p),
            TimeSpan.FromSeconds(first + ((st - 1) * p)),
            $"ready again: [(sT−1)·p, {(fromHang ? "max(p, T)" : "p")} + (sT−1)·p] with {values}")
        { Jitter = Jitters.Probe(ProbeDefaults.Apply(query.Probe)) + (endpoint ? Jitters.Controller : TimeSpan.Zero) }
            .WithJitterText(endpoint ? "probe worker and status sync, then the EndpointSlice controller's sync" : "probe worker and status sync");
    }

    private static ReactionWindow StartedOrReady(ReactionQuery query, double p, double t, double ft, double st, double d, string values)
    {
        if (query.Measure == ReactionMeasure.Ready && query.ProbeType == ProbeType.Readiness)
        {
            // No startup probe: readiness probes from its initial delay on, then needs sT successes.
            var again = ReadyAgain(query with { Measure = ReactionMeasure.ReadyAgain }, p, t, st, values);
            return new ReactionWindow(
                TimeSpan.FromSeconds(Math.Max(d - 1, 0)) + again.Min,
                TimeSpan.FromSeconds(d) + again.Max,
                $"ready from container start: d + {again.Formula}")
            { Jitter = again.Jitter };
        }

        if (query.ProbeType != ProbeType.Startup)
        {
            throw new ArgumentException($"{query.Measure} is timed with the startup or readiness probe, not {query.ProbeType}", nameof(query));
        }

        var started = new ReactionWindow(TimeSpan.Zero, TimeSpan.FromSeconds(d + (ft * p) + t), $"started: [0, d + fT·p + T] with {values}")
        {
            Jitter = Jitters.Probe(ProbeDefaults.Apply(query.Probe)),
        };
        if (query.Measure == ReactionMeasure.Started || query.ReadinessProbe is null)
        {
            return started.WithJitterText("probe worker and status sync");
        }

        var ready = Predict(new ReactionQuery(ProbeType.Readiness, query.ReadinessProbe, ProbeFault.Recover(), ReactionMeasure.ReadyAgain));
        return new ReactionWindow(TimeSpan.Zero, started.Max + ready.Max, $"{started.Formula}; then {ready.Formula}")
        {
            Jitter = started.Jitter > ready.Jitter ? started.Jitter : ready.Jitter,
        }.WithJitterText("probe workers and status sync");
    }

    private static ReactionWindow BackOffDelay(ReactionQuery query)
    {
        var b = BackOffSeconds(query.DelayedRestart);
        var retry = 1.5 * query.SyncRetryPeriod.TotalSeconds;
        return new ReactionWindow(
            TimeSpan.FromSeconds(b),
            TimeSpan.FromSeconds(b + retry),
            $"[b, b + 1.5·retry] with b = min(10·2^{query.DelayedRestart}, 300) = {S(b)} s, 1.5·retry={S(retry)}")
        { Jitter = Jitters.Restart }.WithJitterText("PLEG relist (1 s) and the runtime starting the container");
    }

    /// <summary>The n-th (0-based) crash-loop back-off delay in seconds: min(10·2ⁿ, 300) (§1.6).</summary>
    public static double BackOffSeconds(int delayedRestart) =>
        Math.Min(ProbeDefaults.MaxBackOff.TotalSeconds, ProbeDefaults.InitialBackOff.TotalSeconds * Math.Pow(2, Math.Clamp(delayedRestart, 0, 30)));

    private static (double Min, double Max, string How) ExitAfterKill(ReactionQuery query)
    {
        var grace = Math.Max(KillGracePeriod.MinimumSeconds, query.GracePeriodSeconds);
        if (query.ExitAfterSigterm is not { } after)
        {
            return (grace, grace, $"grace={S(grace)}: SIGTERM ignored, SIGKILL at the deadline");
        }

        var slack = query.ExitSlack.TotalSeconds;
        var min = Math.Min(after.TotalSeconds, grace);
        var max = Math.Min(after.TotalSeconds + slack, grace);
        return slack > 0
            ? (min, max, $"[min(a, grace), min(a + s, grace)] with a={S(after.TotalSeconds)} (exit after SIGTERM), s={S(slack)}, grace={S(grace)}")
            : (min, max, $"min(exit after SIGTERM={S(after.TotalSeconds)}, grace={S(grace)})");
    }

    private static string JitterReason(V1Probe probe) =>
        probe.Exec is not null ? "probe worker, the exec through the runtime, and the result's handling" : "probe worker and the result's handling";

    private static ReactionWindow NeverWindow(string why) => new(TimeSpan.MaxValue, TimeSpan.MaxValue, why);

    private static string S(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>How much later than the model's latest a real kubelet may react, per stage.</summary>
    private static class Jitters
    {
        public static readonly TimeSpan Exit = TimeSpan.FromSeconds(1);
        public static readonly TimeSpan Restart = TimeSpan.FromSeconds(2);
        public static readonly TimeSpan Controller = TimeSpan.FromSeconds(2);

        // An exec probe runs through the container runtime, which takes far longer than an HTTP GET.
        public static TimeSpan Probe(V1Probe probe) => TimeSpan.FromSeconds(probe.Exec is not null ? 1.5 : 1);
    }
}
