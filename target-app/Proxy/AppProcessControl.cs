using ProbeHarness.TargetApp.Logging;

namespace ProbeHarness.TargetApp.Proxy;

/// <summary>The proxy's crash and freeze faults: SIGKILL, SIGSTOP and SIGCONT to the app's processes (found by <see cref="IAppProcessFinder"/>).</summary>
public sealed class AppProcessControl
{
    private const string KillFix = "the sidecar must run as root (runAsUser: 0, which has CAP_KILL) or as the app's user";

    private readonly IAppProcessFinder _finder;
    private readonly IReadOnlyList<int> _ports;
    private readonly AppEventLog _events;
    private readonly string _procRoot;
    private readonly Lock _gate = new();
    private IReadOnlyList<int> _frozen = [];

    /// <summary>Creates the control that finds the app by its LISTEN sockets on <paramref name="ports"/>; <paramref name="procRoot"/> is read for process states.</summary>
    public AppProcessControl(IAppProcessFinder finder, IReadOnlyList<int> ports, AppEventLog events, string procRoot = "/proc")
    {
        _finder = finder;
        _ports = ports;
        _events = events;
        _procRoot = procRoot;
    }

    /// <summary>Whether a freeze is in effect: a process this control froze still exists (read live: a killed or restarted app is not frozen).</summary>
    /// <remarks>Not the process state: SIGSTOP takes effect when the kernel next schedules the process, a moment after <c>kill(2)</c> returned.</remarks>
    public bool IsFrozen
    {
        get
        {
            lock (_gate)
            {
                return _frozen.Any(IsAlive);
            }
        }
    }

    /// <summary>SIGKILL to the app's processes, as a crashing app ends (exit code 137).</summary>
    public AppSignalResult Kill()
    {
        lock (_gate)
        {
            var result = Signal(Find(), PosixKill.SigKill);
            if (result.Succeeded)
            {
                _frozen = [];
            }

            return result;
        }
    }

    /// <summary>SIGSTOP (<paramref name="frozen"/> true) or SIGCONT (false) to the app's processes; a thaw goes to the processes that were frozen.</summary>
    public AppSignalResult SetFrozen(bool frozen)
    {
        lock (_gate)
        {
            if (frozen)
            {
                var result = Signal(Find(), PosixKill.SigStop);
                if (result.Succeeded)
                {
                    _frozen = result.ProcessIds;
                }

                return result;
            }

            // A stopped process keeps its sockets, so the search finds it again; the remembered ones come first in
            // case the app's port went away meanwhile.
            var stopped = _frozen.Where(IsAlive).ToList();
            var thawed = Signal(stopped.Count > 0 ? AppProcessSearch.Of(stopped) : Find(), PosixKill.SigCont);
            if (thawed.Succeeded)
            {
                _frozen = [];
            }

            return thawed;
        }
    }

    private AppProcessSearch Find() => _finder.Find(_ports);

    private AppSignalResult Signal(AppProcessSearch search, int signal)
    {
        var name = PosixKill.NameOf(signal);
        if (!search.Found)
        {
            return new AppSignalResult([], name, _events.Now(), $"cannot find the app's process to send {name}: {search.Problem}");
        }

        foreach (var processId in search.ProcessIds)
        {
            var errno = PosixKill.Send(processId, signal);
            if (errno != 0)
            {
                return new AppSignalResult([], name, _events.Now(), Problem(processId, name, errno));
            }
        }

        return new AppSignalResult(search.ProcessIds, name, _events.Now(), null);
    }

    private static string Problem(int processId, string signal, int errno) => errno switch
    {
        PosixKill.PermissionDenied => $"kill({processId}, {signal}) failed: EPERM, not permitted: {KillFix}",
        PosixKill.NoSuchProcess => $"kill({processId}, {signal}) failed: ESRCH, the process ended meanwhile; try again once the app runs",
        _ => $"kill({processId}, {signal}) failed with errno {errno}",
    };

    // /proc/<pid>/stat: "pid (comm) S …"; the state follows the last ')' (comm may hold spaces and parentheses). A zombie
    // (Z) or dead (X) process is gone as far as a freeze goes.
    private bool IsAlive(int processId)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(_procRoot, processId.ToString(System.Globalization.CultureInfo.InvariantCulture), "stat"));
            var close = stat.LastIndexOf(')');
            return close >= 0 && close + 2 < stat.Length && stat[close + 2] is not ('Z' or 'X' or 'x');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
