using System.Runtime.InteropServices;

namespace ProbeHarness.Emulated.Processes;

/// <summary>Kills every live ledger's process groups and removes its run directory when the harness exits or receives SIGINT, SIGTERM, SIGHUP or SIGQUIT.</summary>
/// <remarks>The handlers do not cancel the signal: the harness still stops as it otherwise would, only without leaving containers behind.</remarks>
internal static class ExitHooks
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<ProcessGroupLedger> Ledgers = [];
    private static readonly List<PosixSignalRegistration> Registrations = [];

    /// <summary>Starts guarding <paramref name="ledger"/>.</summary>
    public static void Add(ProcessGroupLedger ledger)
    {
        lock (Gate)
        {
            if (Registrations.Count == 0)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => KillEverything();
                foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
                {
                    Registrations.Add(PosixSignalRegistration.Create(signal, _ => KillEverything()));
                }
            }

            Ledgers.Add(ledger);
        }
    }

    /// <summary>Stops guarding <paramref name="ledger"/>.</summary>
    public static void Remove(ProcessGroupLedger ledger)
    {
        lock (Gate)
        {
            Ledgers.Remove(ledger);
        }
    }

    private static void KillEverything()
    {
        ProcessGroupLedger[] ledgers;
        lock (Gate)
        {
            ledgers = [.. Ledgers];
        }

        // Sealed, so kubelets still running cannot restart what was just killed; then the run directory goes.
        foreach (var ledger in ledgers)
        {
            ledger.CloseForExit();
        }
    }
}
