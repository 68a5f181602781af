using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Preflight.Advisor;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Preflight.Tests.Advisor;

/// <summary>What the records say about the app: latencies from its probe log lines, starts from logs, timings and timelines.</summary>
public sealed class RecordedSamplesTests
{
    [Fact]
    public void Latencies_come_from_the_apps_probe_lines_without_the_answers_a_fault_shaped()
    {
        // When
        var samples = AdvisorData.Samples(AdvisorData.Run);

        // Then: 60 + 40 soak answers and 12 before the fault (8 fault:fail answers left out)
        Assert.Equal(3, samples.Records);
        Assert.Equal(112, samples.LatenciesOf(ProbeType.Liveness).Count);
        Assert.Equal(120, samples.LatenciesOf(ProbeType.Readiness).Count);
        Assert.Equal(3, samples.LatenciesOf(ProbeType.Startup).Count);
        Assert.Equal([1.2, 1.5, 2.3], samples.LatenciesOf(ProbeType.Liveness).Where(l => l > 1).Order());
    }

    [Fact]
    public void Starts_run_from_the_process_start_to_the_first_successful_probe_else_from_the_timing()
    {
        // When
        var samples = AdvisorData.Samples(AdvisorData.Run);

        // Then: process start = listening time − msSinceProcessStart; the passed record has no log, only start→ready 9 s
        Assert.Equal([6.7, 7.45, 8.2, 9.0], samples.Starts.Select(s => Math.Round(s.Seconds, 3)).Order());
        Assert.Equal(3, samples.Starts.Count(s => !s.UpperBound));
        Assert.Contains(samples.Starts, s => s.UpperBound && s.How.StartsWith("timing start→ready", StringComparison.Ordinal));
        Assert.Empty(samples.Notes);
    }

    [Fact]
    public void Records_without_app_logs_say_the_latencies_are_missing_and_give_timeline_starts()
    {
        // When: the Reporting sample run: logs hold no JSON probe line; one restart → Ready True 3.2 s later
        var samples = AdvisorData.Samples(AdvisorData.ReportingK3s);

        // Then
        Assert.Empty(samples.Latencies);
        var start = Assert.Single(samples.Starts);
        Assert.Equal(3.2, start.Seconds, 6);
        Assert.True(start.UpperBound);
        Assert.Contains(samples.Notes, n => n.StartsWith("no probe latency is recorded", StringComparison.Ordinal));
        Assert.Contains(samples.Notes, n => n.Contains("upper bound", StringComparison.Ordinal));
    }

    [Fact]
    public void A_start_delayed_by_a_fault_is_not_a_start_sample()
    {
        // Given a startup fault from the start: Ready comes late because of it
        var record = Record(
            faults: [new FaultRecord(0, "web-0", "startup fail (500)")],
            timeline: [new TimelineEntry(0, "start", "web-0", "running", null), new TimelineEntry(60, "ready", "web-0", "True", null)]);

        // When
        var samples = RecordedSamples.From([("x.json", record)]);

        // Then
        Assert.Empty(samples.Starts);
        Assert.Contains(samples.Notes, n => n.StartsWith("no start time is recorded", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_that_are_not_json_or_not_probe_lines_are_passed_over()
    {
        // Given
        var log = """
            starting...
            {"LogLevel":"Warning","Category":"Microsoft.AspNetCore","Message":"slow"}
            {"time":"2026-11-25T10:00:00.000Z","kind":"work","instance":"a","path":"/work","durationMs":900}
            {"time":"2026-11-25T10:00:01.000Z","kind":"probe","instance":"a","probe":"tcp","result":"connected","status":null,"reason":"ok","durationMs":0.4}
            {"time":"2026-11-25T10:00:02.000Z","kind":"probe","instance":"a","probe":"grpc-liveness","result":"answered","status":0,"reason":"ok","durationMs":3.5}
            {broken
            """;
        var record = Record(logs: new Dictionary<string, string> { ["web-0/app"] = log });

        // When
        var samples = RecordedSamples.From([("x.json", record)]);

        // Then: the tcp answer is a latency of no probe type, the gRPC liveness one counts for liveness
        Assert.Equal(2, samples.Latencies.Count);
        Assert.Null(samples.Latencies[0].Probe);
        Assert.Equal([0.0035], samples.LatenciesOf(ProbeType.Liveness));
    }

    private static ScenarioRecord Record(
        IReadOnlyList<FaultRecord>? faults = null, IReadOnlyList<TimelineEntry>? timeline = null, IReadOnlyDictionary<string, string>? logs = null) => new()
    {
        FeatureFile = "features/x.feature",
        Feature = "x",
        Scenario = "x",
        Tags = [],
        Backend = "k3s",
        Emulated = false,
        Outcome = "failed",
        StartedAt = DateTimeOffset.UnixEpoch,
        DurationSeconds = 1,
        Faults = faults ?? [],
        Timeline = timeline ?? [],
        Diagnostics = logs is null ? null : new ScenarioDiagnostics(logs, [], "", ""),
    };
}
