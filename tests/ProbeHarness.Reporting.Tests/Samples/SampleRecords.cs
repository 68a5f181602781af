using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Tests.Samples;

/// <summary>Scenario records as the step library writes them: one per kind of result the report must show.</summary>
public static class SampleRecords
{
    public static readonly DateTimeOffset RunStart = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    public static ProbeSettings Liveness { get; } = new("liveness", "httpGet", "/healthz:8080", 0, 10, 1, 1, 3, 5);

    public static ProbeSettings Readiness { get; } = new("readiness", "httpGet", "/ready:8080", 0, 5, 1, 1, 3, null);

    public static TimingRecord Timing(
        ReactionMeasure measure, double? measured, double min, double max, TimingVerdict verdict, TimingReference reference = TimingReference.Fault, double? precision = null, double? jitter = null) =>
        new()
        {
            Pod = "pod 1", Measure = measure, Reference = reference, MeasuredSeconds = measured, PrecisionSeconds = precision,
            BoundMinSeconds = min, BoundMaxSeconds = max, JitterSeconds = jitter, Formula = $"[{min}, {max}] s", Verdict = verdict,
        };

    /// <summary>A liveness restart inside its window: the scenario passed.</summary>
    public static ScenarioRecord Passed(string backend = "k3s", double killAt = 22.4, int offsetMinutes = 0) => new()
    {
        FeatureFile = "features/liveness/http-liveness.feature",
        Feature = "HTTP liveness probe",
        Scenario = "A failing /healthz restarts the container",
        Tags = ["liveness", "restart"],
        Backend = backend,
        Emulated = backend == "emulated",
        KubernetesVersion = backend == "emulated" ? "emulated-v1.32" : "v1.32.3+k3s1",
        Host = "runner-1",
        Outcome = "passed",
        StartedAt = RunStart.AddMinutes(offsetMinutes),
        DurationSeconds = 48.2,
        Probes = [Liveness],
        Faults = [new FaultRecord(5, "web-0", "liveness fail (500)")],
        Expectations = [new ExpectationRecord("restartCount is 1", true, null)],
        Timings =
        [
            Timing(ReactionMeasure.Kill, killAt, 20, 31, killAt + 0.4 < 20 ? TimingVerdict.Early : killAt - 0.4 > 32 ? TimingVerdict.Late : TimingVerdict.WithinBound, precision: 0.4, jitter: 1) with
            {
                OccurredAt = RunStart.AddMinutes(offsetMinutes).AddSeconds(5 + killAt),
            },
            new TimingRecord { Pod = "pod 1", Measure = ReactionMeasure.ReadyAgain, Reference = TimingReference.Recovery, MeasuredSeconds = 3.2, Verdict = TimingVerdict.Unbounded },
        ],
        Timeline =
        [
            new TimelineEntry(0, "ready", "web-0", "True", null),
            new TimelineEntry(5, "fault", "web-0", "inject", null),
            new TimelineEntry(11, "liveness", "web-0", "failure", null),
            new TimelineEntry(21, "liveness", "web-0", "failure", null),
            new TimelineEntry(27.4, "ready", "web-0", "False", null),
            new TimelineEntry(29.1, "restart", "web-0", "restartCount=1", null),
        ],
    };

    /// <summary>A user's own app behind the probe fault proxy: a passed scenario with its start, latencies and exit after SIGTERM.</summary>
    public static ScenarioRecord OwnApp() => Passed() with
    {
        FeatureFile = "examples/own-app/features/own-app.feature",
        Feature = "Your own app through the probe fault proxy",
        Scenario = "The own app exits by itself on SIGTERM",
        OwnApp = new OwnAppRecord("examples/own-app/deploy/own-app.yaml")
        {
            ManifestProbes = [Liveness with { Target = "/health/live:http" }],
            Probes = [new ProxiedProbeRecord("pod 1", "liveness", 12) { FirstSuccessSeconds = 1.93, FirstSuccessPrecisionSeconds = 0.5, LatencyP50Ms = 4.3, LatencyP95Ms = 9.8, LatencyP99Ms = 12.1 }],
            Exits = [new AppExitRecord("pod 1", 0, "Completed") { SecondsAfterSigterm = 0.6, PrecisionSeconds = 0.5 }],
        },
    };

    /// <summary>A readiness change after its window, with diagnostics full of credentials the report must scrub.</summary>
    public static ScenarioRecord FailedLateWithDiagnostics(string backend = "k3s") => new()
    {
        FeatureFile = "features/readiness/readiness.feature",
        Feature = "Readiness",
        Scenario = "A failing /ready removes the endpoint",
        Tags = ["readiness"],
        Backend = backend,
        Emulated = backend == "emulated",
        Outcome = "failed",
        Message = $"endpoint left late; token: {Secrets.Token}",
        StartedAt = RunStart.AddMinutes(1),
        DurationSeconds = 40.5,
        Probes = [Readiness],
        Faults = [new FaultRecord(3, "web-0", "readiness fail (503)")],
        Expectations = [new ExpectationRecord("the endpoint is not ready within the window", false, $"Authorization: Bearer {Secrets.Bearer}")],
        Timings = [Timing(ReactionMeasure.EndpointNotReady, 24.9, 10, 17, TimingVerdict.Late, precision: 0.5, jitter: 2) with { SourceNote = "the watch saw it 0.3 s after the EndpointSlice's timestamp" }],
        Timeline = [new TimelineEntry(8, "readiness", "web-0", "failure", null), new TimelineEntry(27.9, "endpoint", "web-0", "ready=false", null)],
        Diagnostics = new ScenarioDiagnostics(
            new Dictionary<string, string>
            {
                ["web-0/web (current)"] = $"\u001b[32minfo\u001b[0m: 503 now \u0001\nAuthorization: Bearer {Secrets.Bearer}\n",
                ["web-0/web (previous)"] = "no previous container",
            },
            ["Warning Unhealthy pod/web-0 Readiness probe failed: 503", $"jwt {Secrets.Jwt}"],
            $"kind: Pod\nclient-key-data: {Secrets.ClientKeyData}\n",
            $"kind: EndpointSlice\n{Secrets.PemKey}\n"),
    };

    /// <summary>A startup kill that never came.</summary>
    public static ScenarioRecord Missed(string backend = "k3s") => new()
    {
        FeatureFile = "features/startup/startup.feature",
        Feature = "Startup probe",
        Scenario = "A never-starting app is killed",
        Tags = ["startup"],
        Backend = backend,
        Emulated = backend == "emulated",
        Outcome = "failed",
        Message = "never killed",
        StartedAt = RunStart.AddMinutes(2),
        DurationSeconds = 75,
        Faults = [new FaultRecord(0, "web-0", "startup never completes")],
        Timings = [Timing(ReactionMeasure.Kill, null, 40, 51, TimingVerdict.Missed)],
        Diagnostics = new ScenarioDiagnostics(new Dictionary<string, string> { ["web-0/web (current)"] = "starting" }, [], "kind: Pod", "kind: EndpointSlice"),
    };

    /// <summary>A scenario the environment failed.</summary>
    public static ScenarioRecord EnvironmentError(string backend = "k3s") => new()
    {
        FeatureFile = "features/liveness/exec.feature",
        Feature = "Exec liveness",
        Scenario = "A failing exec probe restarts the container",
        Tags = ["liveness"],
        Backend = backend,
        Emulated = backend == "emulated",
        Outcome = "environment-error",
        Message = "image import failed",
        StartedAt = RunStart.AddMinutes(3),
        DurationSeconds = 2.5,
    };

    /// <summary>A scenario that did not run.</summary>
    public static ScenarioRecord Skipped(string backend = "k3s") => EnvironmentError(backend) with
    {
        Scenario = "Skipped on this backend",
        Outcome = "skipped",
        Message = "needs a real kubelet",
    };

    /// <summary>A scenario the adapter refused: a table row without its closing pipe.</summary>
    public static ScenarioRecord AuthoringError(string backend = "k3s") => EnvironmentError(backend) with
    {
        FeatureFile = "features/liveness/http-liveness.feature",
        Scenario = "A probe table with an unclosed row",
        Outcome = "authoring-error",
        Line = 12,
        ScenarioId = "features/liveness/http-liveness.feature#3",
        Message = "features/liveness/http-liveness.feature:12: row 1 of the table under \"And a liveness probe:\" (line 11) has no cells",
        Diagnostics = null,
    };

    /// <summary>A liveness restart timed from the fault and from the kill, each with the instant it happened, and a Ready change no fault caused.</summary>
    public static ScenarioRecord RestartWithExit(string backend = "k3s") => Passed(backend) with
    {
        Scenario = "A failing /healthz restarts the container, timed step by step",
        Timings =
        [
            Timing(ReactionMeasure.Kill, 22.4, 20, 31, TimingVerdict.WithinBound, precision: 0.05, jitter: 1) with { OccurredAt = RunStart.AddSeconds(27.4) },
            Timing(ReactionMeasure.Exit, 0.6, 0, 1, TimingVerdict.WithinBound, TimingReference.Kill, precision: 0.5, jitter: 1) with { OccurredAt = RunStart.AddSeconds(28) },
            Timing(ReactionMeasure.Restart, 24.1, 20, 36, TimingVerdict.WithinBound, precision: 0.5, jitter: 2) with { OccurredAt = RunStart.AddSeconds(29.1) },
            new TimingRecord
            {
                Pod = "pod 1", Measure = ReactionMeasure.NotReady, Reference = TimingReference.Fault, MeasuredSeconds = 40, PrecisionSeconds = 0.5,
                OccurredAt = RunStart.AddSeconds(45), Verdict = TimingVerdict.Unattributed, SourceNote = "after the fault had ended; no injected fault was active to cause it",
            },
        ],
    };

    /// <summary>
    /// <paramref name="count"/> scenarios, each with a kill somewhere from well inside its window to past it, some readiness ones late,
    /// long titles among them: a full night's report.
    /// </summary>
    public static IReadOnlyList<ScenarioRecord> Many(int count) =>
        Enumerable.Range(0, count)
            .Select(i => i % 7 == 3
                ? FailedLateWithDiagnostics() with { Scenario = $"Scenario {i:00}: a failing /ready removes the endpoint of the pod that reports not ready, and only that pod's endpoint" }
                : Passed(killAt: 18 + (i * 17 % 16), offsetMinutes: i) with { Scenario = $"Scenario {i:00}: a failing /healthz restarts the container after failureThreshold failures" })
            .ToList();

    /// <summary>A readiness scenario that held without a bounded timing.</summary>
    public static ScenarioRecord HeldWithoutTiming(string backend = "k3s") => new()
    {
        FeatureFile = "features/readiness/readiness.feature",
        Feature = "Readiness",
        Scenario = "Readiness failure never restarts the container",
        Tags = ["readiness"],
        Backend = backend,
        Emulated = backend == "emulated",
        Outcome = "passed",
        StartedAt = RunStart.AddMinutes(4),
        DurationSeconds = 30,
        Probes = [Readiness],
        Expectations = [new ExpectationRecord("restartCount stays 0", true, null)],
    };
}
