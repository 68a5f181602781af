using System.Text.Json;

namespace ProbeHarness.Emulated.Processes;

/// <summary>Removes containers that earlier runs left behind: runs whose harness process is gone get their process groups killed and their directory deleted.</summary>
internal static class OrphanSweeper
{
    /// <summary>Sweeps every run directory under <paramref name="root"/> except live runs; returns one message per run that held live processes.</summary>
    public static IReadOnlyList<string> Sweep(string root)
    {
        var messages = new List<string>();
        if (!Directory.Exists(root))
        {
            return messages;
        }

        foreach (var runDirectory in Directory.EnumerateDirectories(root))
        {
            var owner = ReadOwner(runDirectory);
            if (owner is { IsAlive: true })
            {
                continue;
            }

            var removed = KillGroups(runDirectory);
            if (removed > 0)
            {
                messages.Add($"removed {removed} orphaned container process group(s) of run {Path.GetFileName(runDirectory)} (harness pid {owner?.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} is gone)");
            }

            TryDelete(runDirectory);
        }

        return messages;
    }

    private static RunOwner? ReadOwner(string runDirectory)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(ProcessGroupLedger.OwnerFile(runDirectory)), EmulatedJson.Default.RunOwner);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            // A run directory still being created has no owner yet; one older than a minute without owner is debris.
            return Directory.GetCreationTimeUtc(runDirectory) > DateTime.UtcNow.AddMinutes(-1)
                ? RunOwner.Current()
                : null;
        }
    }

    private static int KillGroups(string runDirectory)
    {
        var groups = ProcessGroupLedger.GroupsDirectory(runDirectory);
        if (!Directory.Exists(groups))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(groups, "*.json"))
        {
            ProcessGroupRecord? record;
            try
            {
                record = JsonSerializer.Deserialize(File.ReadAllText(file), EmulatedJson.Default.ProcessGroupRecord);
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                continue;
            }

            if (record is not null && IsStillThere(record) && UnixSignals.SignalGroup(record.ProcessGroupId, UnixSignals.Kill))
            {
                removed++;
            }
        }

        return removed;
    }

    // A leader with another start time means the pid was reused, and Linux never reuses a pid still naming a group,
    // so the recorded group is gone. Without a leader, members may survive in the session the leader created.
    private static bool IsStillThere(ProcessGroupRecord record)
    {
        if (record.ProcessGroupId <= 1)
        {
            return false;
        }

        var leader = ProcessStat.Read(record.ProcessGroupId);
        return leader is null
            ? ProcessStat.InSession(record.ProcessGroupId).Count > 0
            : leader.StartTicks == record.StartTicks;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another sweeper got there first, or a file is busy: the next sweep retries.
        }
    }
}
