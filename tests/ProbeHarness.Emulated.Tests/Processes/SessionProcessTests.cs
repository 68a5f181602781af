using System.Globalization;
using ProbeHarness.Emulated.Processes;
using ProbeHarness.Emulated.Tests.Support;

namespace ProbeHarness.Emulated.Tests.Processes;

public sealed class SessionProcessTests
{
    [Fact]
    public async Task A_started_process_runs_at_the_raised_nice_in_its_own_raised_autogroup()
    {
        Assert.SkipUnless(Privileges.MayRaisePriority, Privileges.NeedsSysNice);

        // Given
        var log = Path.Combine(Path.GetTempPath(), "probe-harness-tests", $"{Guid.NewGuid():N}.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);

        // When
        using var process = SessionProcess.StartLogged(["/bin/sleep", "300"], new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, "/", log);
        try
        {
            // Then
            Assert.Equal(CpuPriority.TargetNice, NiceOf(process.Id));
            if (File.Exists($"/proc/{process.Id}/autogroup"))
            {
                Assert.EndsWith($" nice {CpuPriority.TargetNice}", File.ReadAllText($"/proc/{process.Id}/autogroup").TrimEnd(), StringComparison.Ordinal);
            }
        }
        finally
        {
            UnixSignals.SignalGroup(process.Id, UnixSignals.Kill);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            File.Delete(log);
        }
    }

    // Field 19 of /proc/<pid>/stat, counted after the parenthesised command name.
    private static int NiceOf(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
    }
}
