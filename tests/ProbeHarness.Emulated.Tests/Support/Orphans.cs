using ProbeHarness.Emulated.Processes;

namespace ProbeHarness.Emulated.Tests.Support;

/// <summary>Makes the leftovers of a harness that died: a recorded process group and an owner file naming a pid that is gone.</summary>
internal static class Orphans
{
    /// <summary>Starts <c>sleep 300</c> as a recorded group in a run under <paramref name="root"/>, then makes the run look abandoned; returns the group id.</summary>
    public static int Leave(string root, string runId)
    {
        var runDirectory = Path.Combine(root, runId);
        using var ledger = new ProcessGroupLedger(runDirectory);
        var process = SessionProcess.StartLogged(["/bin/sleep", "300"], new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, "/", Path.Combine(runDirectory, "orphan.log"));
        ledger.Record(new ProcessGroupRecord(process.Id, ProcessStat.Read(process.Id)!.StartTicks, "orphan test"));
        ledger.Keep(process.Id);

        // The owner is a pid no process has: the harness that wrote this run is gone.
        File.WriteAllText(ProcessGroupLedger.OwnerFile(runDirectory), """{"processId":2147483000,"startTicks":1,"startedAt":"2020-01-01T00:00:00Z"}""");
        return process.Id;
    }

    /// <summary>Whether the group still has a live (non-zombie) member.</summary>
    public static bool IsAlive(int processGroupId) =>
        ProcessStat.InSession(processGroupId).Any(stat => !File.ReadAllText($"/proc/{stat.ProcessId}/stat").Contains(") Z ", StringComparison.Ordinal));
}
