using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Tests.Samples;

/// <summary>Scenario records with their phases and the suite file, as the step library writes them for the benchmark.</summary>
public static class PhasedRecords
{
    public static readonly DateTimeOffset RunStart = SampleRecords.RunStart;

    /// <summary>A scenario of <paramref name="duration"/> s starting <paramref name="startOffset"/> s into the run, with its phases.</summary>
    public static ScenarioRecord With(
        string title, double duration, double startOffset = 0, double setup = 5, double steps = 20, double teardown = 2, string backend = "emulated", params WaitRecord[] waits) =>
        SampleRecords.HeldWithoutTiming(backend) with
        {
            Scenario = title,
            ScenarioId = $"features/readiness/readiness.feature#{title.Length}",
            StartedAt = RunStart.AddSeconds(startOffset),
            DurationSeconds = duration,
            Host = "runner-1",
            Phases = new ScenarioPhases { NamespaceSeconds = 1, SetupSeconds = setup, StepsSeconds = steps, TeardownSeconds = teardown, Waits = waits },
        };

    /// <summary>A bounded timing whose reference instant is <paramref name="referenceAt"/> s into the scenario and whose earliest bound is <paramref name="boundMin"/> s.</summary>
    public static TimingRecord Bounded(DateTimeOffset scenarioStart, double referenceAt, double measured, double boundMin) =>
        SampleRecords.Timing(ReactionMeasure.Kill, measured, boundMin, boundMin + 11, TimingVerdict.WithinBound) with
        {
            OccurredAt = scenarioStart.AddSeconds(referenceAt + measured),
        };

    /// <summary>The suite file of a run on <paramref name="backend"/>.</summary>
    public static SuiteRun Suite(string backend = "emulated", params double[] load) => new()
    {
        Backend = backend,
        Host = "runner-1",
        ProcessorCount = 16,
        ConcurrencyCap = 16,
        StartedAt = RunStart.AddSeconds(-4),
        EndedAt = RunStart.AddSeconds(100),
        BackendStartSeconds = 3,
        BackendStopSeconds = 1.5,
        Load = load.Select((l, i) => new LoadSample(RunStart.AddSeconds(i * 10), l)).ToList(),
    };
}
