using System.Runtime.InteropServices;

namespace ProbeHarness.TargetApp.Proxy;

/// <summary>Sends a signal to another process with <c>kill(2)</c> (System.Diagnostics.Process can only SIGKILL its own children).</summary>
public static class PosixKill
{
    /// <summary>SIGKILL: the crash fault.</summary>
    public const int SigKill = 9;

    /// <summary>SIGCONT (Linux): thaws a frozen process.</summary>
    public const int SigCont = 18;

    /// <summary>SIGSTOP (Linux): freezes a process; it cannot be caught or ignored.</summary>
    public const int SigStop = 19;

    /// <summary>errno EPERM: not allowed to signal that process.</summary>
    public const int PermissionDenied = 1;

    /// <summary>errno ESRCH: no such process.</summary>
    public const int NoSuchProcess = 3;

    /// <summary>The signal's name, e.g. <c>SIGKILL</c>.</summary>
    public static string NameOf(int signal) => signal switch
    {
        SigKill => "SIGKILL",
        SigCont => "SIGCONT",
        SigStop => "SIGSTOP",
        _ => $"signal {signal}",
    };

    /// <summary>Sends <paramref name="signal"/> to <paramref name="processId"/>; returns 0, or the errno of the failure.</summary>
    public static int Send(int processId, int signal) => Kill(processId, signal) == 0 ? 0 : Marshal.GetLastPInvokeError();

    // DllImport rather than LibraryImport: the generated marshaller would need unsafe code for this one call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int sig);
}
