namespace ProbeHarness.Reporting.Model;

/// <summary>What the step library records about a whole suite run beside the scenario records: its span, its concurrency cap and the machine's load.</summary>
public sealed record SuiteRun
{
    /// <summary>The file the step library writes it to, inside the results folder (a sub-folder, so record readers never take it for a scenario).</summary>
    public const string RelativePath = "run/suite.json";

    /// <summary>The backend the suite ran on, e.g. <c>emulated</c>.</summary>
    public required string Backend { get; init; }

    /// <summary>The machine that ran it.</summary>
    public required string Host { get; init; }

    /// <summary>The machine's processor count.</summary>
    public required int ProcessorCount { get; init; }

    /// <summary>How many scenarios were allowed to run at once.</summary>
    public required int ConcurrencyCap { get; init; }

    /// <summary>When the test run started (before the backend).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended (after the backend stopped and every namespace was gone).</summary>
    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>How long the backend took to start, in seconds.</summary>
    public required double BackendStartSeconds { get; init; }

    /// <summary>How long the backend took to stop (waiting for deletions still running included), in seconds.</summary>
    public required double BackendStopSeconds { get; init; }

    /// <summary>The one-minute load average, sampled during the run; empty where the host does not report one.</summary>
    public IReadOnlyList<LoadSample> Load { get; init; } = [];
}
