namespace ProbeHarness.Reporting.Model;

/// <summary>Everything one scenario run leaves for the report; written as JSON, one file per scenario, by the step library.</summary>
public sealed record ScenarioRecord
{
    /// <summary>Feature file path relative to the repository root, e.g. <c>features/liveness/http-liveness.feature</c>.</summary>
    public required string FeatureFile { get; init; }

    /// <summary>The feature's title.</summary>
    public required string Feature { get; init; }

    /// <summary>The scenario's title (with the example row's values for outlines).</summary>
    public required string Scenario { get; init; }

    /// <summary>The scenario's tags without <c>@</c> (feature, rule, scenario and examples tags).</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Backend name: k3s, kubeconfig or emulated.</summary>
    public required string Backend { get; init; }

    /// <summary>True when the emulated backend ran the scenario (no real kubelet).</summary>
    public required bool Emulated { get; init; }

    /// <summary>The cluster's Kubernetes version.</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>The machine that ran the scenario (optional; the report falls back to the machine that builds it).</summary>
    public string? Host { get; init; }

    /// <summary>Image digests of the deployed containers by image name, when the cluster reports them (optional).</summary>
    public IReadOnlyDictionary<string, string>? ImageDigests { get; init; }

    /// <summary>The scenario's unique id in the run, <c>featurePath#pickleIndex</c> (what its record file is named by), when known.</summary>
    public string? ScenarioId { get; init; }

    /// <summary>The test's display name as the test platform lists it (<c>Feature: Scenario [example]</c>), when known.</summary>
    public string? TestName { get; init; }

    /// <summary>The 1-based line of the scenario (or of the error, for an authoring error) in its feature file, when known.</summary>
    public int? Line { get; init; }

    /// <summary><c>passed</c>, <c>failed</c>, <c>skipped</c>, <c>environment-error</c> or <c>authoring-error</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The failure or skip reason, when there is one.</summary>
    public string? Message { get; init; }

    /// <summary>When the scenario started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall time of the scenario in seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>The probes of the deployed container, as configured.</summary>
    public IReadOnlyList<ProbeSettings> Probes { get; init; } = [];

    /// <summary>The faults injected, in order, e.g. <c>liveness fail 500 at +0.0 s</c>.</summary>
    public IReadOnlyList<FaultRecord> Faults { get; init; } = [];

    /// <summary>The expectations stated by the scenario, in order, with their outcome.</summary>
    public IReadOnlyList<ExpectationRecord> Expectations { get; init; } = [];

    /// <summary>Each timing the harness measured, with the bound the probe spec allows.</summary>
    public IReadOnlyList<TimingRecord> Timings { get; init; } = [];

    /// <summary>What happened, on one time axis: probe results, Ready changes, endpoint changes, restarts, faults.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Pod logs, events and object dumps, kept for failed scenarios.</summary>
    public ScenarioDiagnostics? Diagnostics { get; init; }
}

/// <summary>One probe as configured on the container.</summary>
public sealed record ProbeSettings(
    string Kind,
    string Handler,
    string Target,
    int InitialDelaySeconds,
    int PeriodSeconds,
    int TimeoutSeconds,
    int SuccessThreshold,
    int FailureThreshold,
    long? TerminationGracePeriodSeconds);

/// <summary>One fault injected into the target app.</summary>
/// <param name="At">Seconds since the scenario started.</param>
/// <param name="Pod">The pod it was injected into, or <c>*</c> for all.</param>
/// <param name="Description">e.g. <c>liveness fail (500)</c>, <c>readiness hang</c>, <c>dependency unavailable</c>.</param>
public sealed record FaultRecord(double At, string Pod, string Description);

/// <summary>One expectation of the scenario and whether it held.</summary>
public sealed record ExpectationRecord(string Text, bool Held, string? Detail);

/// <summary>A measured timing and the window the probe configuration allows for it.</summary>
/// <param name="Name">e.g. <c>fault→kill</c>, <c>fault→restart</c>, <c>fault→not-ready</c>, <c>fault→endpoint-not-ready</c>.</param>
/// <param name="MeasuredSeconds">What the cluster's timestamps say; null when it never happened.</param>
/// <param name="BoundMinSeconds">Earliest the kubelet may react; null when no bound applies.</param>
/// <param name="BoundMaxSeconds">Latest the kubelet may react, tolerance included.</param>
/// <param name="Formula">How the bound was computed, e.g. <c>[(3−1)·10, 3·10 + 1] s</c>.</param>
/// <param name="Verdict"><c>within-bound</c>, <c>late</c>, <c>early</c>, <c>missed</c> or <c>unbounded</c>.</param>
public sealed record TimingRecord(string Name, double? MeasuredSeconds, double? BoundMinSeconds, double? BoundMaxSeconds, string? Formula, string Verdict);

/// <summary>One point on the scenario's timeline.</summary>
/// <param name="At">Seconds since the scenario started.</param>
/// <param name="Lane">e.g. <c>fault</c>, <c>liveness</c>, <c>readiness</c>, <c>startup</c>, <c>ready</c>, <c>endpoint</c>, <c>restart</c>.</param>
/// <param name="Pod">The pod concerned.</param>
/// <param name="Value">e.g. <c>failure</c>, <c>success</c>, <c>True</c>, <c>ready=false</c>, <c>restartCount=1</c>.</param>
/// <param name="Detail">Event message or other detail.</param>
public sealed record TimelineEntry(double At, string Lane, string Pod, string Value, string? Detail);

/// <summary>What a failed scenario leaves for diagnosis.</summary>
public sealed record ScenarioDiagnostics(
    IReadOnlyDictionary<string, string> Logs,
    IReadOnlyList<string> Events,
    string PodsYaml,
    string EndpointSlicesYaml);
