using System.Runtime.InteropServices;

namespace ProbeHarness.Emulated.Processes;

/// <summary>Sends POSIX signals to processes and process groups through libc <c>kill(2)</c>.</summary>
internal static partial class UnixSignals
{
    /// <summary>SIGTERM: the polite stop a container runtime sends first.</summary>
    public const int Term = 15;

    /// <summary>SIGKILL: the stop at the grace deadline.</summary>
    public const int Kill = 9;

    private const int NoSuchProcess = 3; // ESRCH

    /// <summary>Signals every process of group <paramref name="processGroupId"/>; false when the group no longer exists.</summary>
    public static bool SignalGroup(int processGroupId, int signal)
    {
        if (processGroupId <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(processGroupId), processGroupId, "refusing to signal process group 0, 1 or all processes");
        }

        return SendSignal(-processGroupId, signal) == 0 || Marshal.GetLastPInvokeError() != NoSuchProcess;
    }

    /// <summary>Signals one process; false when it no longer exists.</summary>
    public static bool SignalProcess(int processId, int signal)
    {
        if (processId <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(processId), processId, "refusing to signal process 0 or 1");
        }

        return SendSignal(processId, signal) == 0 || Marshal.GetLastPInvokeError() != NoSuchProcess;
    }

    /// <summary>Whether a process with this id exists (signal 0 probes without sending).</summary>
    public static bool Exists(int processId) =>
        processId > 0 && (SendSignal(processId, 0) == 0 || Marshal.GetLastPInvokeError() != NoSuchProcess);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int sig);
}
