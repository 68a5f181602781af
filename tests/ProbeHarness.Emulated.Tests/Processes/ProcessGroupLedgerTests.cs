using ProbeHarness.Emulated.Processes;
using ProbeHarness.Emulated.Tests.Support;

namespace ProbeHarness.Emulated.Tests.Processes;

public sealed class ProcessGroupLedgerTests : IDisposable
{
    private readonly string _runDirectory = Path.Combine(Path.GetTempPath(), "probe-harness-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_runDirectory))
        {
            Directory.Delete(_runDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Records_groups_on_disk_and_kills_them_on_dispose()
    {
        // Given
        var ledger = new ProcessGroupLedger(_runDirectory);
        var process = SessionProcess.StartLogged(["/bin/sleep", "300"], new Dictionary<string, string>(), "/", Path.Combine(_runDirectory, "log"));
        ledger.Record(new ProcessGroupRecord(process.Id, ProcessStat.Read(process.Id)!.StartTicks, "ledger test"));
        var recordFile = Path.Combine(ProcessGroupLedger.GroupsDirectory(_runDirectory), $"{process.Id}.json");
        Assert.True(File.Exists(recordFile));

        // When
        ledger.Dispose();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(137, process.ExitCode);
        Assert.False(File.Exists(recordFile));
        Assert.False(Orphans.IsAlive(process.Id));
    }

    [Fact]
    public async Task Once_sealed_for_exit_a_newly_started_group_is_killed_at_once()
    {
        // Given: the harness is exiting (what the exit hooks do).
        using var ledger = new ProcessGroupLedger(_runDirectory);
        ledger.Seal();

        // When: a kubelet still running tries to restart a container.
        var process = SessionProcess.StartLogged(["/bin/sleep", "300"], new Dictionary<string, string>(), "/", Path.Combine(_runDirectory, "log"));
        var error = Assert.Throws<InvalidOperationException>(() => ledger.Record(new ProcessGroupRecord(process.Id, 0, "late restart")));
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Then
        Assert.True(ledger.IsSealed);
        Assert.Contains("shutting down", error.Message, StringComparison.Ordinal);
        Assert.Equal(137, process.ExitCode);
    }

    [Fact]
    public void Owner_file_names_this_process()
    {
        // Given / When
        using var ledger = new ProcessGroupLedger(_runDirectory);

        // Then
        Assert.Contains($"\"processId\": {Environment.ProcessId}", File.ReadAllText(ProcessGroupLedger.OwnerFile(_runDirectory)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_for_exit_on_a_signal_it_kills_its_groups_and_removes_the_run_directory()
    {
        // Given
        // (what the SIGTERM, SIGINT, SIGHUP, SIGQUIT and process-exit hooks call)
        var ledger = new ProcessGroupLedger(_runDirectory);
        var process = SessionProcess.StartLogged(["/bin/sleep", "300"], new Dictionary<string, string>(), "/", Path.Combine(_runDirectory, "log"));
        ledger.Record(new ProcessGroupRecord(process.Id, ProcessStat.Read(process.Id)!.StartTicks, "exit test"));

        // When
        ledger.CloseForExit();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(137, process.ExitCode);
        Assert.False(Directory.Exists(_runDirectory), $"{_runDirectory} is still there");
        ledger.Dispose();
    }

    [Fact]
    public void Closed_for_exit_with_a_kept_namespace_the_run_directory_stays()
    {
        // Given
        // (HARNESS_KEEP_ON_FAILURE kept a failed scenario's namespace)
        using var ledger = new ProcessGroupLedger(_runDirectory);
        ledger.KeepRunDirectory();

        // When
        ledger.CloseForExit();

        // Then
        Assert.True(File.Exists(ProcessGroupLedger.OwnerFile(_runDirectory)));
    }
}
