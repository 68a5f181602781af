using System.Globalization;
using System.Runtime.InteropServices;

namespace ProbeHarness.Emulated.Processes;

/// <summary>Nice values through libc <c>getpriority(2)</c>/<c>setpriority(2)</c> per thread and <c>/proc/&lt;pid&gt;/autogroup</c> per session.</summary>
/// <remarks>On Linux <c>PRIO_PROCESS</c> with a thread id addresses that one thread: nice is a per-thread attribute.</remarks>
internal sealed partial class LinuxNiceValues : INiceValues
{
    private const int PrioProcess = 0;
    private const int NoSuchProcess = 3; // ESRCH
    private const int NotPermitted = 1; // EPERM

    /// <summary>The one instance (it holds no state).</summary>
    public static LinuxNiceValues Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<int> ThreadIds()
    {
        var ids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <inheritdoc />
    public int? GetThread(int threadId)
    {
        // -1 is also a valid nice value: only errno tells an error apart (the stub clears it before the call).
        var nice = GetPriority(PrioProcess, threadId);
        return nice == -1 && Marshal.GetLastPInvokeError() != 0 ? null : nice;
    }

    /// <inheritdoc />
    public int SetThread(int threadId, int nice) => SetPriority(PrioProcess, threadId, nice) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <inheritdoc />
    public int SetAutogroup(int processId, int nice)
    {
        var path = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/autogroup";
        if (!File.Exists(path))
        {
            // No CONFIG_SCHED_AUTOGROUP (or the process is gone): thread nice values alone decide.
            return 0;
        }

        try
        {
            // Open, not Create: a /proc file is written in place, never created or truncated.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            stream.Write(System.Text.Encoding.ASCII.GetBytes(nice.ToString(CultureInfo.InvariantCulture)));
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return NotPermitted;
        }
        catch (IOException)
        {
            return NoSuchProcess;
        }
    }

    [LibraryImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, int who);

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int prio);
}
