namespace ProbeHarness.Reporting.Benchmark;

/// <summary>
/// Where one scenario's wall time went, in seconds; every phase figure is null (shown as "not measured", never as 0) when
/// the record has no <see cref="Model.ScenarioRecord.Phases"/> (older runs, authoring errors).
/// </summary>
public sealed record ScenarioBenchmark
{
    /// <summary>The scenario's unique id in the run (<c>featurePath#pickleIndex</c>), else <c>featureFile :: title</c>.</summary>
    public required string ScenarioId { get; init; }

    /// <summary>The scenario's title.</summary>
    public required string Scenario { get; init; }

    /// <summary>The feature's title.</summary>
    public required string Feature { get; init; }

    /// <summary>The record's outcome, e.g. <c>passed</c> or <c>skipped</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>True when the scenario was skipped: listed and counted, but left out of every sum and statistic.</summary>
    public required bool Skipped { get; init; }

    /// <summary>True when the record carries its phases, so the phase figures below are known.</summary>
    public required bool Measured { get; init; }

    /// <summary>The scenario's wall time (the record's duration).</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Setup: from the scenario's start until its workload was deployed and Ready (<c>Phases.SetupSeconds</c>).</summary>
    public double? SetupSeconds { get; init; }

    /// <summary>Steps: from the end of the setup until the last step ended (<c>Phases.StepsSeconds</c>).</summary>
    public double? StepsSeconds { get; init; }

    /// <summary>Wait: the total length of the union of the waits on cluster state, clipped to the steps phase.</summary>
    public double? WaitSeconds { get; init; }

    /// <summary>
    /// Floor: the earliest moment after the setup that the last expectation could have been met, the max over every window
    /// wait's start + window and every bounded timing's reference instant + earliest bound, minus the setup, clamped to
    /// [0, steps]; 0 without such a source.
    /// </summary>
    public double? FloorSeconds { get; init; }

    /// <summary>Reaction: max(0, wait − floor), the cluster's reaction beyond the earliest bound (not the harness's doing).</summary>
    public double? ReactionSeconds { get; init; }

    /// <summary>Overhead: max(0, steps − max(wait, floor)), what the harness itself added during the steps (API calls, fault injection, bookkeeping).</summary>
    public double? OverheadSeconds { get; init; }

    /// <summary>Teardown: from the end of the last step until the record was written (<c>Phases.TeardownSeconds</c>).</summary>
    public double? TeardownSeconds { get; init; }
}
