namespace ProbeHarness.Reporting.Model;

/// <summary>Where one scenario's wall time went, as the step library measured it (seconds, each from the scenario's clock).</summary>
public sealed record ScenarioPhases
{
    /// <summary>From the scenario's start until its namespace existed and its watch ran.</summary>
    public required double NamespaceSeconds { get; init; }

    /// <summary>From the scenario's start until its workload was deployed and Ready (namespace included); the namespace time when it deploys nothing.</summary>
    public required double SetupSeconds { get; init; }

    /// <summary>From the end of the setup until the last step ended.</summary>
    public required double StepsSeconds { get; init; }

    /// <summary>From the end of the last step until the record was written: traffic stopped, timings measured, diagnostics collected.</summary>
    public required double TeardownSeconds { get; init; }

    /// <summary>Every wait of a step on cluster state after the setup, in order.</summary>
    public IReadOnlyList<WaitRecord> Waits { get; init; } = [];
}
