using System.Runtime.InteropServices;

namespace ProbeHarness.Emulated.Processes;

/// <summary>
/// Gives the emulated kubelet (this process's threads) and the containers it starts CPU priority over other load on the machine,
/// as a node's CPU requests give pods and the kubelet theirs; without root or CAP_SYS_NICE everything stays at normal priority.
/// </summary>
/// <remarks>
/// Linux nice is per thread, and <c>Process.PriorityClass</c> sets only the main thread's (setpriority on the pid): so every thread in
/// /proc/self/task is set, and threads started later inherit their creator's value. A container inherits the thread that forks it;
/// its own session (setsid) is also its own scheduling autogroup, where only the autogroup's nice counts against other sessions.
/// </remarks>
internal sealed class CpuPriority(INiceValues nice)
{
    /// <summary>The nice value given: well above other load (about nine times a nice-0 thread's share), short of the real-time-like -20.</summary>
    public const int TargetNice = -10;

    // A thread a not-yet-raised thread starts during a pass is missed by it: passes repeat until one finds nothing to raise.
    private const int MaxPasses = 10;
    private const int NoSuchProcess = 3; // ESRCH: the thread ended meanwhile

    private readonly Lock _gate = new();
    private volatile string? _denied;
    private bool _announced;

    /// <summary>The instance for this process.</summary>
    public static CpuPriority Shared { get; } = new(LinuxNiceValues.Instance);

    /// <summary>Whether the kernel refused a raise (no root, no CAP_SYS_NICE): later calls then do nothing.</summary>
    public bool IsDenied => _denied is not null;

    /// <summary>Raises every thread of this process still above <see cref="TargetNice"/>; returns what that means the first time it is called, else null. Never throws.</summary>
    public string? RaiseProcess()
    {
        lock (_gate)
        {
            var raised = 0;
            try
            {
                raised = _denied is null ? RaiseAllThreads() : 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // No readable /proc/self/task: priority is a help against other load, never a reason to fail.
                _denied = $"/proc/self/task: {e.Message}";
            }

            if (_announced)
            {
                return null;
            }

            _announced = true;
            return _denied is { } reason
                ? $"CPU priority: normal — raising it to nice {TargetNice} was refused ({reason}; it needs root or CAP_SYS_NICE): "
                    + "beside other CPU load the kubelet emulator and its containers may answer probes late"
                : $"CPU priority: nice {TargetNice} for this test host's threads (the kubelet emulator's probes and timers; {raised} raised now) "
                    + "and for every container it starts, over other load on the machine, as CPU requests give a node's pods theirs";
        }
    }

    /// <summary>Raises the calling thread, just before it forks a container, so the child has the priority from its first instruction.</summary>
    public void RaiseCallingThread()
    {
        if (_denied is null && nice.GetThread(0) > TargetNice && nice.SetThread(0, TargetNice) is not 0 and var error)
        {
            _denied = Describe("setpriority", error);
        }
    }

    /// <summary>Raises the autogroup of the session <paramref name="sessionLeader"/> leads, once setsid has made it.</summary>
    public void RaiseSession(int sessionLeader)
    {
        if (_denied is null && nice.SetAutogroup(sessionLeader, TargetNice) is not 0 and not NoSuchProcess and var error)
        {
            _denied = Describe("the session's autogroup", error);
        }
    }

    private static string Describe(string what, int error) => $"{what}: {Marshal.GetPInvokeErrorMessage(error)}";

    private int RaiseAllThreads()
    {
        var raised = 0;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var raisedThisPass = 0;
            foreach (var thread in nice.ThreadIds())
            {
                if (nice.GetThread(thread) is not { } current || current <= TargetNice)
                {
                    continue;
                }

                switch (nice.SetThread(thread, TargetNice))
                {
                    case 0:
                        raisedThisPass++;
                        break;
                    case NoSuchProcess:
                        break;
                    case var error:
                        _denied = Describe("setpriority", error);
                        return raised;
                }
            }

            raised += raisedThisPass;
            if (raisedThisPass == 0)
            {
                break;
            }
        }

        return raised;
    }
}
