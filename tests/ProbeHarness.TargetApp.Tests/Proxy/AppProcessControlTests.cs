using System.Diagnostics;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Proxy;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Proxy;

public sealed class AppProcessControlTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_freeze_stops_the_process_and_a_thaw_lets_it_run_again()
    {
        // Given
        using var sleeper = Sleeper();
        var output = new LineCollector();
        var control = new AppProcessControl(new FixedFinder(sleeper.Id), [8080], new AppEventLog(new JsonLineLog("test", output), TimeProvider.System));

        // When
        var frozen = control.SetFrozen(true);
        await Poll.UntilAsync(() => StateOf(sleeper.Id) == 'T', Deadline, "the process to stop");
        var frozenState = control.IsFrozen;
        var thawed = control.SetFrozen(false);
        await Poll.UntilAsync(() => StateOf(sleeper.Id) != 'T', Deadline, "the process to run again");

        // Then
        Assert.True(frozen.Succeeded, frozen.Problem);
        Assert.Equal("SIGSTOP", frozen.Signal);
        Assert.True(frozenState);
        Assert.True(thawed.Succeeded, thawed.Problem);
        Assert.Equal("SIGCONT", thawed.Signal);
        Assert.False(control.IsFrozen);
        Kill(sleeper);
    }

    [Fact]
    public async Task A_crash_kills_the_process_with_SIGKILL()
    {
        // Given
        using var sleeper = Sleeper();
        var control = new AppProcessControl(new FixedFinder(sleeper.Id), [8080], new AppEventLog(new JsonLineLog("test", new LineCollector()), TimeProvider.System));

        // When
        var killed = control.Kill();
        using var exit = new CancellationTokenSource(Deadline);
        await sleeper.WaitForExitAsync(exit.Token);

        // Then
        Assert.True(killed.Succeeded, killed.Problem);
        Assert.Equal([sleeper.Id], killed.ProcessIds);
        Assert.Equal(137, sleeper.ExitCode);
    }

    [Fact]
    public void A_process_that_cannot_be_found_is_a_problem_naming_the_cause()
    {
        // Given
        var control = new AppProcessControl(new FixedFinder(null), [8080], new AppEventLog(new JsonLineLog("test", new LineCollector()), TimeProvider.System));

        // When
        var killed = control.Kill();

        // Then
        Assert.False(killed.Succeeded);
        Assert.Contains("cannot find the app's process to send SIGKILL: nothing here", killed.Problem);
    }

    [Fact]
    public void Signalling_a_process_of_another_user_is_EPERM_and_names_the_fix()
    {
        // Given: pid 1 belongs to root (the tests do not run as root here), so kill(2) is refused.
        Assert.SkipWhen(Environment.UserName == "root", "running as root: every process may be signalled");
        var control = new AppProcessControl(new FixedFinder(1), [8080], new AppEventLog(new JsonLineLog("test", new LineCollector()), TimeProvider.System));

        // When: SIGCONT, harmless even if it were delivered.
        var thawed = control.SetFrozen(false);

        // Then
        Assert.False(thawed.Succeeded);
        Assert.Contains("EPERM", thawed.Problem);
        Assert.Contains("runAsUser: 0", thawed.Problem);
    }

    private static Process Sleeper() => Process.Start(new ProcessStartInfo("/bin/sleep", "600") { UseShellExecute = false })!;

    private static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
        }
    }

    // /proc/<pid>/stat: the state letter follows the command in parentheses.
    private static char StateOf(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }

    private sealed class FixedFinder(int? processId) : IAppProcessFinder
    {
        public AppProcessSearch Find(IReadOnlyList<int> ports) =>
            processId is { } found ? AppProcessSearch.Of([found]) : AppProcessSearch.Failed("nothing here");
    }
}
