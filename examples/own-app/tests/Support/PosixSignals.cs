using System.Runtime.InteropServices;

namespace OwnApp.Tests.Support;

/// <summary>Sends POSIX signals to a child process (System.Diagnostics.Process can only SIGKILL).</summary>
internal static class PosixSignals
{
    /// <summary>SIGTERM, the kubelet's polite stop.</summary>
    public const int SigTerm = 15;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="processId"/>.</summary>
    public static void Send(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    // DllImport rather than LibraryImport: the generated marshaller would need unsafe code for this one call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int sig);
}
