namespace ProbeHarness.Steps.Drivers;

/// <summary>A probe's timing parameters with Kubernetes defaults applied.</summary>
public sealed record EffectiveProbe(
    int InitialDelaySeconds,
    int PeriodSeconds,
    int TimeoutSeconds,
    int SuccessThreshold,
    int FailureThreshold,
    long? TerminationGracePeriodSeconds);
