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
        // Given: settings took 0.5 s on a busy machine, longer than the fault's afterSeconds 0.2
        var time = new FakeTimeProvider(ProcessStart);
        var snapshot = FaultSnapshotParser.ParseRequests("""{"readiness":{"mode":"fail","afterSeconds":0.2}}""", ProcessStart);
        time.Advance(TimeSpan.FromSeconds(0.5));
        var output = new LineCollector();
        var board = new FaultBoard(snapshot, ProcessStart, stateFile: null, time);
        using var service = new FaultWindowEvents(board, new AppEventLog(new JsonLineLog("instance", output), time), time);

        // When
        await service.StartAsync(TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => Events(output, "fault-active").Count > 0, Deadline, "the fault-active line");
        await service.StopAsync(TestContext.Current.CancellationToken);

        // Then
        var active = Assert.Single(Events(output, "fault-active"));
        Assert.Equal(ProcessStart.AddSeconds(0.2), active.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("readiness", active.GetProperty("probe").GetString());
    }

    [Fact]
    public async Task A_window_open_from_the_process_start_is_not_reported_as_opening_but_its_end_is()
    {
        // Given
        var time = new FakeTimeProvider(ProcessStart);
        var snapshot = FaultSnapshotParser.ParseRequests("""{"readiness":{"mode":"fail","forSeconds":1}}""", ProcessStart);
        time.Advance(TimeSpan.FromSeconds(1.5));
        var output = new LineCollector();
        var board = new FaultBoard(snapshot, ProcessStart, stateFile: null, time);
        using var service = new FaultWindowEvents(board, new AppEventLog(new JsonLineLog("instance", output), time), time);

        // When
        await service.StartAsync(TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => Events(output, "fault-ended").Count > 0, Deadline, "the fault-ended line");
        await service.StopAsync(TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(ProcessStart.AddSeconds(1), Assert.Single(Events(output, "fault-ended")).GetProperty("at").GetDateTimeOffset());
        Assert.Empty(Events(output, "fault-active"));
    }

    private static List<JsonElement> Events(LineCollector output, string name) =>
        output.Lines
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.TryGetProperty("probeHarnessEvent", out var marker) && marker.GetString() == name)
            .ToList();
}
