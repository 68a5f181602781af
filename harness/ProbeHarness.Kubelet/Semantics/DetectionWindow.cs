using System.Globalization;
using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Kubelet.Semantics;

/// <summary>
/// The window in which a real kubelet must react to a probe fault, predicted from the same semantics the emulator runs
/// (§1.1–1.6, §2). Notation: p = periodSeconds, T = timeoutSeconds, fT/sT = failure/success threshold, d = initialDelaySeconds,
/// δ = how long a failing attempt lasts (0 fail-fast, T for a hang or a too-slow answer) and e = max(p, δ), the spacing of
/// failing attempts (a probe that outlives the period runs again as soon as it returns, §1.1).
/// <list type="bullet">
/// <item>Fault injected into a running container (fixed probe rhythm, unknown phase): the first failing attempt starts within
/// [0, p]; detection at <c>[(fT−1)·e + δ, p + (fT−1)·e + δ]</c>.</item>
/// <item>Fault present from container start: the first attempt is the first admission-rhythm tick at least d − 1 s (startedAt is
/// truncated to whole seconds) after the start: <c>[max(d−1, 0) + (fT−1)·e + δ, d + p + (fT−1)·e + δ]</c>.</item>
/// <item>v1.20 startup failure: the kill waits for the next periodic sync, up to 1.5 × resync later.</item>
/// <item>Restart: detection + exit (min(exit after SIGTERM, grace) or the grace deadline when SIGTERM is ignored) + the
/// back-off in force (0 for the first restart after a probe kill, else <c>[b, b + 1.5·retry]</c>).</item>
/// <item>Ready again after recovery: <c>[(sT−1)·p, first + (sT−1)·p]</c> with first = p, or max(p, T) when a hanging attempt may still be in flight.</item>
/// <item>Never: a flap shorter than fT, or answers slower than nothing but faster than T.</item>
/// </list>
/// </summary>
/// <param name="Min">Earliest reaction after the fault (or the container start).</param>
/// <param name="Max">Latest reaction; <see cref="TimeSpan.MaxValue"/> when the kubelet never reacts.</param>
/// <param name="Formula">The formula with the values filled in.</param>
public sealed record DetectionWindow(TimeSpan Min, TimeSpan Max, string Formula)
{
    /// <summary>True when the fault never makes the kubelet react.</summary>
    public bool Never => Max == TimeSpan.MaxValue;

    /// <summary>True when <paramref name="elapsed"/> lies inside the window.</summary>
    public bool Contains(TimeSpan elapsed) => !Never && elapsed >= Min && elapsed <= Max;

    /// <summary>Predicts the window for <paramref name="query"/>.</summary>
    /// <exception cref="ArgumentException">The measure does not apply to the probe type (e.g. a readiness restart) or the fault.</exception>
    public static DetectionWindow Predict(DetectionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var probe = ProbeDefaults.Apply(query.Probe);
        double p = probe.PeriodSeconds!.Value, t = probe.TimeoutSeconds!.Value;
        double ft = probe.FailureThreshold!.Value, st = probe.SuccessThreshold!.Value, d = probe.InitialDelaySeconds ?? 0;
        var fault = query.Fault;
        var values = $"p={S(p)}, T={S(t)}, fT={S(ft)}, sT={S(st)}, d={S(d)}";

        if (query.Measure == DetectionMeasure.ReadyAgain)
        {
            if (query.ProbeType != ProbeType.Readiness)
            {
                throw new ArgumentException($"{nameof(DetectionMeasure.ReadyAgain)} applies to readiness probes, not {query.ProbeType}", nameof(query));
            }

            var fromHang = fault.Kind == FaultKind.Hang || (fault.Kind == FaultKind.Slow && fault.Delay.TotalSeconds >= t);
            var first = fromHang ? Math.Max(p, t) : p;
            return Widen(
                (st - 1) * p,
                first + ((st - 1) * p),
                $"ready again: [(sT−1)·p, {(fromHang ? "max(p, T)" : "p")} + (sT−1)·p] with {values}",
                query.Tolerance);
        }

        if (fault.Kind == FaultKind.Recover)
        {
            throw new ArgumentException($"{nameof(FaultKind.Recover)} is timed with {nameof(DetectionMeasure.ReadyAgain)}", nameof(query));
        }

        if (query.Measure == DetectionMeasure.Restarted && query.ProbeType == ProbeType.Readiness)
        {
            throw new ArgumentException("a readiness failure never restarts the container", nameof(query));
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
            case FaultKind.Flap when fault.FlapEvery < ft:
                return NeverWindow($"at most {fault.FlapEvery} failures in a row < failureThreshold {S(ft)}, so the run never reaches the threshold");
            default:
                delta = 0;
                break;
        }

        var e = Math.Max(p, delta);
        values += $", δ={S(delta)}, e=max(p, δ)={S(e)}";
        double min, max;
        string formula;
        if (fault.PresentFromStart)
        {
            min = Math.Max(d - 1, 0) + ((ft - 1) * e) + delta;
            max = d + p + ((ft - 1) * e) + delta;
            formula = "from container start: [max(d−1, 0) + (fT−1)·e + δ, d + p + (fT−1)·e + δ]";
        }
        else
        {
            min = ((ft - 1) * e) + delta;
            max = p + ((ft - 1) * e) + delta;
            formula = "from the fault: [(fT−1)·e + δ, p + (fT−1)·e + δ]";
        }

        if (query.Profile == KubeletProfile.V120 && query.ProbeType == ProbeType.Startup)
        {
            var resync = 1.5 * query.ResyncInterval.TotalSeconds;
            max += resync;
            formula += $" + [0, 1.5·resync={S(resync)}] (v1.20 kills at the next periodic sync)";
        }

        if (query.Measure == DetectionMeasure.Restarted)
        {
            var grace = Math.Max(KillGracePeriod.MinimumSeconds, query.GracePeriodSeconds);
            var exit = query.ExitAfterSigterm is { } after ? Math.Min(after.TotalSeconds, grace) : grace;
            min += exit;
            max += exit;
            formula += query.ExitAfterSigterm is null
                ? $" + grace={S(grace)} (SIGTERM ignored, SIGKILL at the deadline)"
                : $" + exit={S(exit)} (min(exit after SIGTERM, grace={S(grace)}))";
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
        }

        return Widen(min, max, $"{formula} with {values}", query.Tolerance);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Never ? $"never: {Formula}" : $"[{S(Min.TotalSeconds)}, {S(Max.TotalSeconds)}] s: {Formula}";

    private static DetectionWindow Widen(double min, double max, string formula, TimeSpan tolerance)
    {
        var tol = tolerance.TotalSeconds;
        var text = tol > 0 ? $"{formula}, ± tolerance {S(tol)}" : formula;
        return new DetectionWindow(TimeSpan.FromSeconds(Math.Max(0, min - tol)), TimeSpan.FromSeconds(max + tol), text);
    }

    private static DetectionWindow NeverWindow(string why) => new(TimeSpan.MaxValue, TimeSpan.MaxValue, why);

    private static string S(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
