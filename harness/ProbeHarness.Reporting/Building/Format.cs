using ProbeHarness.Kubelet.Timing;
using System.Globalization;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Building;

/// <summary>How numbers and windows are written in every output, so they read the same everywhere.</summary>
public static class Format
{
    /// <summary>e.g. <c>31.2 s</c>, or <c>—</c> when there is no value.</summary>
    public static string Seconds(double? value) =>
        value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.0} s") : "—";

    /// <summary>e.g. <c>[20.0 s, 31.0 s] + 1.0 s</c> (the kubelet's jitter), <c>≤ 31.0 s</c>, or <c>unbounded</c>.</summary>
    public static string Window(TimingRecord timing) => (timing.BoundMinSeconds, timing.BoundMaxSeconds) switch
    {
        ({ } min, { } max) when timing.JitterSeconds is > 0 and var jitter => $"[{Seconds(min)}, {Seconds(max)}] + {Seconds(jitter)}",
        ({ } min, { } max) => $"[{Seconds(min)}, {Seconds(max)}]",
        (null, { } max) => $"≤ {Seconds(max)}",
        ({ } min, null) => $"≥ {Seconds(min)}",
        _ => "unbounded",
    };

    /// <summary>The window with its formula when recorded, e.g. <c>[20.0 s, 31.0 s] = [(3−1)·10, 3·10 + 1] s</c>.</summary>
    public static string WindowWithFormula(TimingRecord timing) =>
        string.IsNullOrWhiteSpace(timing.Formula) ? Window(timing) : $"{Window(timing)} = {timing.Formula}";

    /// <summary>e.g. <c>0.87</c> for a measured/bound ratio.</summary>
    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The lines a report shows for a user's own app: its manifest, its probes as the manifest states them, start and latency per probe, exits after SIGTERM.</summary>
    public static IEnumerable<string> OwnApp(OwnAppRecord app)
    {
        ArgumentNullException.ThrowIfNull(app);
        yield return $"workload {app.Manifest}, probed through the probe fault proxy";
        foreach (var probe in app.ManifestProbes)
        {
            yield return $"manifest's {Probe(probe)}";
        }

        foreach (var p in app.Probes)
        {
            var start = p.FirstSuccessSeconds is { } first
                ? string.Create(CultureInfo.InvariantCulture, $"first success {first:0.00} s (±{p.FirstSuccessPrecisionSeconds ?? 0:0.##} s) after the container started")
                : "no successful answer";
            var latency = p.LatencyP50Ms is { } p50
                ? string.Create(CultureInfo.InvariantCulture, $"app answered in p50 {p50:0.0} ms, p95 {p.LatencyP95Ms:0.0} ms, p99 {p.LatencyP99Ms:0.0} ms")
                : "no answer timed";
            yield return $"{p.Pod} {p.Probe}: {p.Answers} probe(s) forwarded; {start}; {latency}";
        }

        foreach (var exit in app.Exits)
        {
            yield return Exit(exit);
        }
    }

    /// <summary>A user's app container's end after SIGTERM, e.g. <c>pod 1 exited with code 0 (Completed) 0.6 s (±0.5 s) after SIGTERM</c>.</summary>
    public static string Exit(AppExitRecord exit)
    {
        ArgumentNullException.ThrowIfNull(exit);
        var after = exit.SecondsAfterSigterm is { } seconds
            ? string.Create(CultureInfo.InvariantCulture, $" {seconds:0.0} s (±{exit.PrecisionSeconds ?? 0:0.##} s) after SIGTERM")
            : string.Empty;
        return $"{exit.Pod} exited with code {exit.ExitCode}{(exit.Reason is { } r ? $" ({r})" : string.Empty)}{after}";
    }

    /// <summary>A probe in one line, e.g. <c>liveness httpGet /healthz: delay 0 s, period 10 s, timeout 1 s, success 1, failure 3</c>.</summary>
    public static string Probe(ProbeSettings probe)
    {
        var grace = probe.TerminationGracePeriodSeconds is { } g ? $", grace {g} s" : string.Empty;
        return $"{probe.Kind} {probe.Handler} {probe.Target}: delay {probe.InitialDelaySeconds} s, period {probe.PeriodSeconds} s, " +
               $"timeout {probe.TimeoutSeconds} s, success {probe.SuccessThreshold}, failure {probe.FailureThreshold}{grace}";
    }

    /// <summary>A fault in one line, e.g. <c>+5.0 s liveness fail (500) on web-0</c>.</summary>
    public static string Fault(FaultRecord fault) =>
        string.Create(CultureInfo.InvariantCulture, $"+{fault.At:0.0} s {fault.Description} on {fault.Pod}");

    /// <summary>A measured time with its precision, e.g. <c>4.2 s ± 0.5</c>, or <c>—</c>.</summary>
    public static string Measured(TimingRecord timing) =>
        timing.MeasuredSeconds is null ? "—"
        : timing.PrecisionSeconds is > 0.05 and var precision ? string.Create(CultureInfo.InvariantCulture, $"{Seconds(timing.MeasuredSeconds)} ± {precision:0.0}")
        : Seconds(timing.MeasuredSeconds);

    /// <summary>A timing verdict as one word: <c>within-bound</c>, <c>early</c>, <c>late</c>, <c>missed</c>, <c>unbounded</c>, <c>unattributed</c>.</summary>
    public static string Verdict(TimingVerdict verdict) => verdict switch
    {
        TimingVerdict.WithinBound => "within-bound",
        TimingVerdict.Early => "early",
        TimingVerdict.Late => "late",
        TimingVerdict.Missed => "missed",
        TimingVerdict.Unattributed => "unattributed",
        _ => "unbounded",
    };

    /// <summary>A timing in one line: name, measured, window, verdict.</summary>
    public static string Timing(TimingRecord timing) =>
        $"{timing.Name}: {Measured(timing)} in {WindowWithFormula(timing)} ({Verdict(timing.Verdict)}){(timing.SourceNote is { } note ? $"; {note}" : string.Empty)}";
}
