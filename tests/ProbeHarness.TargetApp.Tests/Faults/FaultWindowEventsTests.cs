using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Faults;

public sealed class FaultWindowEventsTests
{
    private static readonly DateTimeOffset ProcessStart = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_window_that_opened_after_the_process_start_but_before_the_board_existed_is_logged_at_its_own_instant()
    {
        // Given settings that took 0.5 s on a busy machine, longer than the fault's afterSeconds 0.2
        const string faults = """{"readiness":{"mode":"fail","afterSeconds":0.2}}""";

        // When
        var output = await RunUntilAsync(faults, TimeSpan.FromSeconds(0.5), "fault-active");

        // Then
        var active = Assert.Single(Events(output, "fault-active"));
        Assert.Equal(ProcessStart.AddSeconds(0.2), active.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("readiness", active.GetProperty("probe").GetString());
    }

    [Fact]
    public async Task A_window_open_from_the_process_start_is_not_reported_as_opening_but_its_end_is()
    {
        // Given a fault active from the start for 1 s, and a board made 1.5 s after the start
        const string faults = """{"readiness":{"mode":"fail","forSeconds":1}}""";

        // When
        var output = await RunUntilAsync(faults, TimeSpan.FromSeconds(1.5), "fault-ended");

        // Then
        Assert.Equal(ProcessStart.AddSeconds(1), Assert.Single(Events(output, "fault-ended")).GetProperty("at").GetDateTimeOffset());
        Assert.Empty(Events(output, "fault-active"));
    }

    // Parses FAULTS_AT_START at the process start, builds the board after the given delay, runs the service until it logs the event.
    private static async Task<LineCollector> RunUntilAsync(string faults, TimeSpan boardAfter, string awaited)
    {
        var time = new FakeTimeProvider(ProcessStart);
        var snapshot = FaultSnapshotParser.ParseRequests(faults, ProcessStart);
        time.Advance(boardAfter);
        var output = new LineCollector();
        var board = new FaultBoard(snapshot, ProcessStart, stateFile: null, time);
        using var service = new FaultWindowEvents(board, new AppEventLog(new JsonLineLog("instance", output), time), time);
        await service.StartAsync(TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => Events(output, awaited).Count > 0, Deadline, $"the {awaited} line");
        await service.StopAsync(TestContext.Current.CancellationToken);
        return output;
    }

    private static List<JsonElement> Events(LineCollector output, string name) =>
        output.Lines
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.TryGetProperty("probeHarnessEvent", out var marker) && marker.GetString() == name)
            .ToList();
}
