namespace ProbeHarness.Reporting.Model;

/// <summary>What the report concludes about one scenario run.</summary>
public enum ScenarioVerdict
{
    /// <summary>The expectations held and every bounded timing fell inside its window.</summary>
    WithinBound,

    /// <summary>The expectations held; the scenario measured no bounded timing.</summary>
    Held,

    /// <summary>The reaction came after the window's upper bound.</summary>
    Late,

    /// <summary>The reaction the window allows for never came.</summary>
    Missed,

    /// <summary>The kubelet reacted when (or earlier than) the probe settings allow no reaction.</summary>
    FalsePositive,

    /// <summary>An expectation did not hold for a reason other than timing.</summary>
    Failed,

    /// <summary>The environment (backend, cluster, harness) failed, so the scenario judged nothing.</summary>
    EnvironmentError,

    /// <summary>The scenario did not run.</summary>
    Skipped,

    /// <summary>The scenario cannot run as written (bad Gherkin, an unbound step, a bad table, a duplicate name, a bad manifest): it judged nothing.</summary>
    AuthoringError,

    /// <summary>The run selected the scenario but it left no result (the test host was killed, the run stopped early).</summary>
    NotRun,
}
