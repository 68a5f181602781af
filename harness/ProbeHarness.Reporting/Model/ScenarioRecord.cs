using ProbeHarness.Kubelet.Timing;

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

    /// <summary>What was measured of a user's own app behind the probe fault proxy, or null when the scenario tested the target app.</summary>
    public OwnAppRecord? OwnApp { get; init; }

    /// <summary>Where the scenario's time went (setup, steps, waits, teardown); null in records of older runs and of authoring errors.</summary>
    public ScenarioPhases? Phases { get; init; }
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

/// <summary>A measured timing, its precision, the window the kubelet model allows for it and the verdict, all typed.</summary>
public sealed record TimingRecord
{
    /// <summary>The pod as the report names it, e.g. <c>pod 1</c>.</summary>
    public required string Pod { get; init; }

    /// <summary>The pod's name in the cluster, or null when not known.</summary>
    public string? PodName { get; init; }

    /// <summary>The pod's namespace, or null when not known.</summary>
    public string? Namespace { get; init; }

    /// <summary>What is timed.</summary>
    public required ReactionMeasure Measure { get; init; }

    /// <summary>The moment it is timed from.</summary>
    public required TimingReference Reference { get; init; }

    /// <summary>Detection, action or recovery, as the kubelet model classes the measure.</summary>
    public TimingRole Role => Reactions.RoleOf(Measure);

    /// <summary>The timing's name, e.g. <c>pod 1 fault→kill</c>.</summary>
    public string Name => $"{Pod} {Reactions.NameOf(Reference, Measure)}{(Detail is null ? string.Empty : $" ({Detail})")}";

    /// <summary>A short qualifier that tells timings of one kind apart, e.g. <c>back-off 2</c>; null when there is one.</summary>
    public string? Detail { get; init; }

    /// <summary>The measured time in seconds (the middle of what the sources allow); null when it never happened.</summary>
    public double? MeasuredSeconds { get; init; }

    /// <summary>How far the measured time may be from the truth, in seconds (half the interval the sources allow).</summary>
    public double? PrecisionSeconds { get; init; }

    /// <summary>When the measured event happened (the middle of its interval), for comparing with the kubelet's own log.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>How far <see cref="OccurredAt"/> may be from the instant, in seconds (half its interval): the event's own precision, not the duration's.</summary>
    public double? OccurredPrecisionSeconds { get; init; }

    /// <summary>Where <see cref="OccurredAt"/> comes from (the app's log, a whole-second server timestamp, the watch, or several combined).</summary>
    public InstantSource? OccurredSource { get; init; }

    /// <summary>Earliest the kubelet may react, in seconds; null when no bound applies.</summary>
    public double? BoundMinSeconds { get; init; }

    /// <summary>Latest the kubelet model allows, in seconds, jitter not included.</summary>
    public double? BoundMaxSeconds { get; init; }

    /// <summary>How much later than the latest a real kubelet may still react (scheduling, relist, controller sync).</summary>
    public double? JitterSeconds { get; init; }

    /// <summary>How the bound was computed, with the values filled in.</summary>
    public string? Formula { get; init; }

    /// <summary>The measurement against the bound.</summary>
    public required TimingVerdict Verdict { get; init; }

    /// <summary>What the sources said when they disagree (e.g. the app's log against a server timestamp); null when they agree.</summary>
    public string? SourceNote { get; init; }

    /// <summary>True when a bound applies and the timing was judged against it.</summary>
    public bool IsBounded => Verdict is not (TimingVerdict.Unbounded or TimingVerdict.Unattributed);
}

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
