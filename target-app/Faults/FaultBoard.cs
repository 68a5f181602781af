namespace ProbeHarness.TargetApp.Faults;

/// <summary>The live fault state: thread-safe changes, persistence to <c>FAULT_STATE_DIR</c>, and the flap probe counters.</summary>
public sealed class FaultBoard
{
    private readonly FaultStateFile? _stateFile;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly long[] _probeCounters = new long[ProbeKindNames.All.Count];
    private FaultSnapshot _current;

    /// <summary>Creates the board with <paramref name="initial"/> state, in effect from <paramref name="inEffectFrom"/>; <paramref name="stateFile"/> persists every change when given.</summary>
    public FaultBoard(FaultSnapshot initial, DateTimeOffset inEffectFrom, FaultStateFile? stateFile, TimeProvider time)
    {
        _current = initial;
        _stateFile = stateFile;
        _time = time;
        InEffectFrom = inEffectFrom;
    }

    /// <summary>Raised after every change (on the changing thread).</summary>
    public event Action<FaultChange>? Changed;

    /// <summary>Since when the initial state holds: the process start, which <c>FAULTS_AT_START</c> windows count from.</summary>
    /// <remarks>Not the board's creation: on a busy machine settings take longer than a short <c>afterSeconds</c>, and a window opening before the board existed must still be reported.</remarks>
    public DateTimeOffset InEffectFrom { get; }

    /// <summary>The state now.</summary>
    public FaultSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Replaces the state with <paramref name="change"/>'s result; a probe whose fault changed restarts its flap count.</summary>
    public FaultChange Apply(Func<FaultSnapshot, FaultSnapshot> change)
    {
        FaultChange applied;
        lock (_gate)
        {
            var previous = _current;
            var next = change(previous);
            foreach (var kind in ProbeKindNames.All)
            {
                if (previous.For(kind) != next.For(kind))
                {
                    Interlocked.Exchange(ref _probeCounters[(int)kind], 0);
                }
            }

            _stateFile?.Save(next, _time.GetUtcNow());
            Volatile.Write(ref _current, next);
            // Read right after the switch: from this instant on every probe is answered from the new state.
            applied = new FaultChange(previous, next, _time.GetUtcNow());
        }

        Changed?.Invoke(applied);
        return applied;
    }

    /// <summary>Counts one more probe of <paramref name="kind"/> and returns its number (1, 2, …) since the fault last changed.</summary>
    public long NextProbeNumber(ProbeKind kind) => Interlocked.Increment(ref _probeCounters[(int)kind]);
}
