using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Steps.Support;

/// <summary>Collects what the scenario did and saw (probes, faults, expectations, timings) for its <see cref="ScenarioRecord"/>.</summary>
public sealed class ScenarioRecorder
{
    private readonly Lock _gate = new();
    private readonly List<ProbeSettings> _probes = [];
    private readonly List<FaultRecord> _faults = [];
    private readonly List<ExpectationRecord> _expectations = [];
    private readonly List<TimingRecord> _timings = [];
    private readonly List<string> _notes = [];
    private readonly List<WaitRecord> _waits = [];
    private double? _namespaceSeconds;
    private double? _setupSeconds;
    private double? _lastStepEndSeconds;

    /// <summary>The probes of the deployed container.</summary>
    public IReadOnlyList<ProbeSettings> Probes => Copy(_probes);

    /// <summary>The faults injected so far.</summary>
    public IReadOnlyList<FaultRecord> Faults => Copy(_faults);

    /// <summary>The expectations checked so far.</summary>
    public IReadOnlyList<ExpectationRecord> Expectations => Copy(_expectations);

    /// <summary>The timings measured so far.</summary>
    public IReadOnlyList<TimingRecord> Timings => Copy(_timings);

    /// <summary>Details the current expectation noted (measured values), taken by the next <see cref="AddExpectation"/>.</summary>
    public void Note(string detail)
    {
        lock (_gate)
        {
            _notes.Add(detail);
        }
    }

    /// <summary>Forgets the notes of the previous step.</summary>
    public void ClearNotes()
    {
        lock (_gate)
        {
            _notes.Clear();
        }
    }

    /// <summary>Records the probes as deployed.</summary>
    public void SetProbes(IEnumerable<ProbeSettings> probes)
    {
        lock (_gate)
        {
            _probes.Clear();
            _probes.AddRange(probes);
        }
    }

    /// <summary>Records an injected fault.</summary>
    public void AddFault(FaultRecord fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>Records a checked expectation with the details noted while checking it.</summary>
    public void AddExpectation(string text, bool held, string? failure)
    {
        lock (_gate)
        {
            var details = failure is null ? _notes : [.. _notes, failure];
            _expectations.Add(new ExpectationRecord(text, held, details.Count == 0 ? null : string.Join("; ", details)));
            _notes.Clear();
        }
    }

    /// <summary>Records a measured timing, unless one of that name is already there (a step's own measurement wins over the closing analysis).</summary>
    public void AddTiming(TimingRecord timing)
    {
        lock (_gate)
        {
            if (_timings.All(t => t.Name != timing.Name))
            {
                _timings.Add(timing);
            }
        }
    }

    /// <summary>The timing of that name, or null.</summary>
    public TimingRecord? FindTiming(string name)
    {
        lock (_gate)
        {
            return _timings.FirstOrDefault(t => t.Name == name);
        }
    }

    /// <summary>Replaces the timing of the same name (a sharper measurement of what a step measured), or adds it.</summary>
    public void ReplaceTiming(TimingRecord timing)
    {
        lock (_gate)
        {
            var index = _timings.FindIndex(t => t.Name == timing.Name);
            if (index < 0)
            {
                _timings.Add(timing);
            }
            else
            {
                _timings[index] = timing;
            }
        }
    }

    /// <summary>Marks the namespace and its watch as ready, <paramref name="seconds"/> after the scenario started.</summary>
    public void MarkNamespaceReady(double seconds)
    {
        lock (_gate)
        {
            _namespaceSeconds = seconds;
        }
    }

    /// <summary>Marks the workload as deployed (and Ready, when the step waited for it): the setup ends here, once.</summary>
    public void MarkSetupDone(double seconds)
    {
        lock (_gate)
        {
            _setupSeconds ??= seconds;
        }
    }

    /// <summary>Records one wait of a step on cluster state.</summary>
    public void AddWait(WaitRecord wait)
    {
        lock (_gate)
        {
            _waits.Add(wait);
        }
    }

    /// <summary>Marks the end of a step; the last one ends the steps phase.</summary>
    public void MarkStepEnded(double seconds)
    {
        lock (_gate)
        {
            _lastStepEndSeconds = seconds;
        }
    }

    /// <summary>Where the scenario's time went up to <paramref name="nowSeconds"/> (the record's writing), or null when it never got a namespace.</summary>
    public ScenarioPhases? PhasesAt(double nowSeconds)
    {
        lock (_gate)
        {
            if (_namespaceSeconds is not { } namespaceSeconds)
            {
                return null;
            }

            // A scenario that deploys nothing has no setup beyond its namespace; one whose steps all ran before the deploy has no steps phase.
            var setup = _setupSeconds ?? namespaceSeconds;
            var lastStepEnd = Math.Max(_lastStepEndSeconds ?? setup, setup);
            return new ScenarioPhases
            {
                NamespaceSeconds = namespaceSeconds,
                SetupSeconds = setup,
                StepsSeconds = Math.Round(lastStepEnd - setup, 3),
                TeardownSeconds = Math.Round(Math.Max(0, nowSeconds - lastStepEnd), 3),
                Waits = [.. _waits],
            };
        }
    }

    private IReadOnlyList<T> Copy<T>(List<T> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }
}
