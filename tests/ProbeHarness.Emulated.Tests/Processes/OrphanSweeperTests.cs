using System.Diagnostics;
using ProbeHarness.Emulated.Processes;
using ProbeHarness.Emulated.Tests.Support;

namespace ProbeHarness.Emulated.Tests.Processes;

public sealed class OrphanSweeperTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "probe-harness-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Kills_the_groups_of_a_run_whose_harness_is_gone_and_says_so()
    {
        // Given
        var group = Orphans.Leave(_root, "run-dead");
        Assert.True(Orphans.IsAlive(group));

        // When
        var messages = OrphanSweeper.Sweep(_root);

        // Then
        Assert.Equal("removed 1 orphaned container process group(s) of run run-dead (harness pid 2147483000 is gone)", Assert.Single(messages));
        var watch = Stopwatch.StartNew();
        while (Orphans.IsAlive(group) && watch.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.False(Orphans.IsAlive(group));
        Assert.False(Directory.Exists(Path.Combine(_root, "run-dead")));
    }

    [Fact]
    public void Leaves_a_live_run_alone()
    {
        // Given: a run owned by this (live) process.
        var runDirectory = Path.Combine(_root, "run-live");
        using var ledger = new ProcessGroupLedger(runDirectory);

        // When
        var messages = OrphanSweeper.Sweep(_root);

        // Then
        Assert.Empty(messages);
        Assert.True(File.Exists(ProcessGroupLedger.OwnerFile(runDirectory)));
    }
}
