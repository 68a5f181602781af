using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace ProbeHarness.Emulated.Processes;

/// <summary>Records every process group a run starts, on disk under the run directory, and kills them when the run ends.</summary>
/// <remarks>The files let a later run remove what this one left behind if the harness dies without cleaning up (see <see cref="OrphanSweeper"/>).</remarks>
internal sealed class ProcessGroupLedger : IDisposable
{
    private readonly ConcurrentDictionary<int, ProcessGroupRecord> _live = new();
    private readonly string _groupsDirectory;
    private int _disposed;
    private readonly Lock _sealGate = new();
    private volatile bool _sealed;
    private volatile bool _keepRunDirectory;

    /// <summary>Creates the run directory <paramref name="runDirectory"/> with its <c>owner.json</c> naming this process.</summary>
    public ProcessGroupLedger(string runDirectory)
    {
        RunDirectory = runDirectory;
        _groupsDirectory = Path.Combine(runDirectory, "groups");
        Directory.CreateDirectory(_groupsDirectory);
        File.WriteAllText(OwnerFile(runDirectory), JsonSerializer.Serialize(RunOwner.Current(), EmulatedJson.Default.RunOwner));
        ExitHooks.Add(this);
    }

    /// <summary>The run directory this ledger writes to.</summary>
    public string RunDirectory { get; }

    /// <summary>How many recorded groups are still live (not forgotten, not kept).</summary>
    public int LiveCount => _live.Count;

    /// <summary>The path of a run directory's owner file.</summary>
    public static string OwnerFile(string runDirectory) => Path.Combine(runDirectory, "owner.json");

    /// <summary>The path of a run directory's group records.</summary>
    public static string GroupsDirectory(string runDirectory) => Path.Combine(runDirectory, "groups");

    /// <summary>True once the harness is exiting: nothing new may start.</summary>
    public bool IsSealed => _sealed;

    /// <summary>Records a started group (before anything can leak it); once sealed, kills it at once and throws.</summary>
    /// <exception cref="InvalidOperationException">The run is shutting down.</exception>
    public void Record(ProcessGroupRecord record)
    {
        // Checked and added under the lock Seal takes, so a group is either refused here or killed by Seal.
        lock (_sealGate)
        {
            if (_sealed)
            {
                UnixSignals.SignalGroup(record.ProcessGroupId, UnixSignals.Kill);
                throw new InvalidOperationException($"the emulated run is shutting down: {record.Description} was killed at start");
            }

            _live[record.ProcessGroupId] = record;
        }

        File.WriteAllText(RecordFile(record.ProcessGroupId), JsonSerializer.Serialize(record, EmulatedJson.Default.ProcessGroupRecord));
    }

    /// <summary>Forgets a group that has ended and been cleaned up.</summary>
    public void Forget(int processGroupId)
    {
        _live.TryRemove(processGroupId, out _);
        File.Delete(RecordFile(processGroupId));
    }

    /// <summary>Leaves a group running past this run: it is no longer killed on exit (its record stays, so the next run removes it).</summary>
    public void Keep(int processGroupId) => _live.TryRemove(processGroupId, out _);

    /// <summary>Stops the run for good (the harness is exiting): kills every live group and every group recorded later.</summary>
    public void Seal()
    {
        lock (_sealGate)
        {
            _sealed = true;
        }

        KillAll();
    }

    /// <summary>A namespace of this run is kept for inspection: the run directory stays when the harness exits.</summary>
    public void KeepRunDirectory() => _keepRunDirectory = true;

    /// <summary>
    /// The harness is exiting (a signal such as SIGTERM, or process exit): seals the run, then deletes the run directory
    /// unless <see cref="KeepRunDirectory"/> was called; what cannot be deleted now is left to the next run's sweep.
    /// </summary>
    public void CloseForExit()
    {
        Seal();
        if (_keepRunDirectory)
        {
            return;
        }

        // Killed processes may still be closing their log files: one retry after they had a moment.
        for (var attempt = 0; attempt < 2 && Directory.Exists(RunDirectory); attempt++)
        {
            try
            {
                Directory.Delete(RunDirectory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Sends SIGKILL to every live group and forgets them; returns how many were signalled.</summary>
    public int KillAll()
    {
        var killed = 0;
        foreach (var record in _live.Values)
        {
            if (UnixSignals.SignalGroup(record.ProcessGroupId, UnixSignals.Kill))
            {
                killed++;
            }

            Forget(record.ProcessGroupId);
        }

        return killed;
    }

    /// <summary>Kills what is still live and stops listening for process exit.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        KillAll();
        ExitHooks.Remove(this);
    }

    private string RecordFile(int processGroupId) =>
        Path.Combine(_groupsDirectory, processGroupId.ToString(CultureInfo.InvariantCulture) + ".json");
}
