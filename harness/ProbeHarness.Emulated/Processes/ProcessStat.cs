using System.Globalization;

namespace ProbeHarness.Emulated.Processes;

/// <summary>The fields of <c>/proc/&lt;pid&gt;/stat</c> and <c>/proc/&lt;pid&gt;/status</c> the emulator needs.</summary>
/// <param name="ProcessId">The process id.</param>
/// <param name="ProcessGroupId">Its process group.</param>
/// <param name="SessionId">Its session.</param>
/// <param name="StartTicks">Start time in clock ticks since boot: with the pid it identifies a process even after pid reuse.</param>
internal sealed record ProcessStat(int ProcessId, int ProcessGroupId, int SessionId, long StartTicks)
{
    private const int SigTermBit = UnixSignals.Term - 1;

    /// <summary>Reads a process's stat; null when it does not exist (or vanished while being read).</summary>
    public static ProcessStat? Read(int processId)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: parse after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return new ProcessStat(
            processId,
            int.Parse(fields[2], CultureInfo.InvariantCulture),
            int.Parse(fields[3], CultureInfo.InvariantCulture),
            long.Parse(fields[19], CultureInfo.InvariantCulture));
    }

    /// <summary>Every process on the machine that belongs to session <paramref name="sessionId"/>.</summary>
    public static IReadOnlyList<ProcessStat> InSession(int sessionId)
    {
        var members = new List<ProcessStat>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Read(pid) is { } stat && stat.SessionId == sessionId)
            {
                members.Add(stat);
            }
        }

        return members;
    }

    /// <summary>Whether the process has installed a SIGTERM handler (<c>SigCgt</c>); a container's PID 1 without one ignores SIGTERM.</summary>
    public static bool CatchesSigterm(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("SigCgt:", StringComparison.Ordinal))
                {
                    var mask = ulong.Parse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    return (mask & (1UL << SigTermBit)) != 0;
                }
            }
        }
        catch (IOException)
        {
            // Gone: nothing to signal.
        }

        return false;
    }

    /// <summary>The current process's own stat.</summary>
    public static ProcessStat Self() => Read(Environment.ProcessId)
        ?? throw new InvalidOperationException("/proc/self/stat is unreadable: the emulated backend needs Linux /proc");
}
