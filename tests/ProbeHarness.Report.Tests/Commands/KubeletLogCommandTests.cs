using System.Text.Json;
using ProbeHarness.Kubelet.KubeletLog;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Report.Commands;
using ProbeHarness.Report.Tests.Samples;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Report.Tests.Commands;

/// <summary>The <c>kubelet-log</c> verb: the records' instants against a kubelet log, the table, and the exit codes.</summary>
public sealed class KubeletLogCommandTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly KubeletLogPod Web = new("ph-run-1-liveness", "target-app-7f55f5c546-5p44p", "d2c57990");

    [Fact]
    public void Instants_within_the_allowed_error_print_the_table_and_exit_0()
    {
        // Given a record whose first failure, kill and Ready=False are 0.02–0.05 s from the kubelet's lines
        using var temp = new TempFolder();
        var results = Records(temp, (ReactionMeasure.FirstFailure, 10.02), (ReactionMeasure.Kill, 30.05), (ReactionMeasure.NotReady, 30.6), (ReactionMeasure.Restart, 31));
        var log = Log(temp);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        // When the timing check runs, writing the table into a folder
        var exit = ReportProgram.Run(["kubelet-log", "--log", log, "--results", results, "--out", temp.Combine("out") + "/"], stdout, stderr);

        // Then it passes, with one pair per measure (the restart has no kubelet line) and the table in the folder
        Assert.Equal(ReportProgram.Ok, exit);
        var text = stdout.ToString();
        Assert.Contains("| first-failure | 1 | 0 | 1 | 0.020 s | 0.020 s |", text, StringComparison.Ordinal);
        Assert.Contains("| kill | 1 | 0 | 1 | 0.050 s | 0.050 s |", text, StringComparison.Ordinal);
        Assert.Contains("| ready-change | 1 | 0 | 1 | 0.050 s | 0.050 s |", text, StringComparison.Ordinal);
        Assert.Contains("PASS: 3 pair(s) (3 precise, largest error 0.050 s ≤ 0.100 s).", text, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("out", KubeletLogCommand.OutputFile)));
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public void An_instant_further_off_than_max_error_exits_1()
    {
        // Given a kill the record puts 0.5 s late
        using var temp = new TempFolder();
        var results = Records(temp, (ReactionMeasure.Kill, 30.5));

        // When the check runs with the default 0.1 s, and again allowing 0.6 s
        var strict = ReportProgram.Run(["kubelet-log", "--log", Log(temp), "--results", results], new StringWriter(), new StringWriter());
        var lenient = ReportProgram.Run(["kubelet-log", "--log", Log(temp), "--results", results, "--max-error", "0.6"], new StringWriter(), new StringWriter());

        // Then the first fails, the second passes
        Assert.Equal(ReportProgram.TimingError, strict);
        Assert.Equal(ReportProgram.Ok, lenient);
    }

    [Fact]
    public void Records_without_instants_exit_3_saying_so()
    {
        // Given a record from before the typed timing model: no pod name, namespace or instant
        using var temp = new TempFolder();
        var results = Records(temp);
        var stderr = new StringWriter();

        // When the check runs
        var exit = ReportProgram.Run(["kubelet-log", "--log", Log(temp), "--results", results], new StringWriter(), stderr);

        // Then nothing was checked, and the error says why
        Assert.Equal(ReportProgram.InputError, exit);
        Assert.Contains("hold no harness instant", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_log_exits_3_naming_it()
    {
        // Given / When
        using var temp = new TempFolder();
        var stderr = new StringWriter();
        var exit = ReportProgram.Run(["kubelet-log", "--log", temp.Combine("absent.log"), "--results", Records(temp)], new StringWriter(), stderr);

        // Then
        Assert.Equal(ReportProgram.InputError, exit);
        Assert.Contains("absent.log: the kubelet log does not exist", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_time_zone_is_a_usage_error()
    {
        // Given / When
        using var temp = new TempFolder();
        var stderr = new StringWriter();
        var exit = ReportProgram.Run(["kubelet-log", "--log", Log(temp), "--results", Records(temp), "--time-zone", "Mars/Olympus"], new StringWriter(), stderr);

        // Then
        Assert.Equal(ReportProgram.UsageError, exit);
        Assert.Contains("--time-zone 'Mars/Olympus'", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_measures_with_a_kubelet_line_and_a_pod_become_instants()
    {
        // Given timings of every measure, one without its pod's name
        var timings = Enum.GetValues<ReactionMeasure>().Select(m => Timing(m, 1)).Append(Timing(ReactionMeasure.Kill, 2) with { PodName = null });
        var record = Record(timings);

        // When the instants are taken
        var instants = HarnessInstants.From([record]);

        // Then first failure, kill, Ready=False, Ready=True again and Ready after start are; exits, restarts, endpoints are not
        Assert.Equal(
            [(KubeletEventKind.ProbeFailed, (bool?)null), (KubeletEventKind.Killing, null), (KubeletEventKind.ReadyChanged, false), (KubeletEventKind.ReadyChanged, true), (KubeletEventKind.ReadyChanged, true)],
            instants.Select(i => (i.Kind, i.Ready)));
        Assert.All(instants, i => Assert.Equal((Web.Namespace, Web.Name, "scenario"), (i.Namespace, i.Pod, i.Scenario)));
    }

    [Fact]
    public void An_instant_carries_the_events_own_precision_not_the_durations()
    {
        // Given a kill known to ±0.025 s (the app's SIGTERM line) measured from a whole-second container start (±0.5 s)
        var record = Record([Timing(ReactionMeasure.Kill, 30) with { OccurredPrecisionSeconds = 0.025, OccurredSource = InstantSource.AppLog }]);

        // When the instants are taken
        var kill = Assert.Single(HarnessInstants.From([record]));

        // Then the check holds the instant to its own ±0.025 s
        Assert.Equal(0.025, kill.PrecisionSeconds);
    }

    // The kubelet's lines: failures at 10 s and 20 s, the kill at 30 s, Ready=False at 30.55 s.
    private static string Log(TempFolder temp)
    {
        var path = temp.Combine("kubelet.log");
        using var writer = KubeletLogWriter.Create(path);
        writer.ContainerStarted(T0, KubeletLogStyle.V120, Web, "containerd://abc");
        writer.ProbeFailed(T0.AddSeconds(10), KubeletLogStyle.V120, Web, "target-app", ProbeType.Liveness, "HTTP probe failed with statuscode: 500");
        writer.ProbeFailed(T0.AddSeconds(20), KubeletLogStyle.V120, Web, "target-app", ProbeType.Liveness, "HTTP probe failed with statuscode: 500");
        writer.Killing(T0.AddSeconds(30), KubeletLogStyle.V120, Web, "target-app", "containerd://abc", 30, "Container target-app failed liveness probe, will be restarted");
        writer.ReadyChanged(T0.AddSeconds(30.55), KubeletLogStyle.V120, Web, ready: false, T0.AddSeconds(30));
        return path;
    }

    private static string Records(TempFolder temp, params (ReactionMeasure Measure, double At)[] timings)
    {
        var folder = temp.Combine("results");
        Directory.CreateDirectory(folder);
        var record = Record(timings.Length == 0 ? [Timing(ReactionMeasure.Kill, 30) with { PodName = null, Namespace = null, OccurredAt = null }] : timings.Select(t => Timing(t.Measure, t.At)));
        File.WriteAllText(Path.Combine(folder, "scenario.json"), JsonSerializer.Serialize(record, ScenarioRecordReader.Options));
        return folder;
    }

    private static ScenarioRecord Record(IEnumerable<TimingRecord> timings) => new()
    {
        FeatureFile = "features/liveness/http-liveness.feature",
        Feature = "HTTP liveness probe",
        Scenario = "scenario",
        Tags = ["liveness"],
        Backend = "kubeconfig",
        Emulated = false,
        Outcome = "passed",
        StartedAt = T0,
        DurationSeconds = 40,
        Timings = [.. timings],
    };

    private static TimingRecord Timing(ReactionMeasure measure, double at) => new()
    {
        Pod = "pod 1",
        PodName = Web.Name,
        Namespace = Web.Namespace,
        Measure = measure,
        Reference = TimingReference.Fault,
        MeasuredSeconds = at,
        PrecisionSeconds = 0.5,
        OccurredAt = T0.AddSeconds(at),
        Verdict = TimingVerdict.Unbounded,
    };
}
