using ProbeHarness.Preflight.Rules.Checks;

namespace ProbeHarness.Preflight.Rules;

/// <summary>Every preflight rule, in id order.</summary>
public static class PreflightChecks
{
    /// <summary>The checks, PH001 first.</summary>
    public static IReadOnlyList<IPreflightCheck> All { get; } =
    [
        new MissingReadinessProbe(),
        new LivenessIdenticalToReadiness(),
        new LivenessSameEndpointAsReadiness(),
        new ProbePortNotExposed(),
        new TimeoutNotBelowPeriod(),
        new LongLivenessInitialDelay(),
        new ApiServerRejectsProbe(),
        new ProbeOnInitContainer(),
        new SingleFailureLiveness(),
        new DetectionTimes(),
    ];

    /// <summary>The rules' descriptions, PH001 first.</summary>
    public static IReadOnlyList<PreflightRule> Rules { get; } = All.Select(check => check.Rule).ToList();
}
