using Reqnroll;
using ProbeHarness.Steps.Drivers;

namespace ProbeHarness.Steps.Steps;

/// <summary>Turns the recurring phrases of the step vocabulary into typed arguments.</summary>
[Binding]
public sealed class StepArguments
{
    /// <summary>"pod 2", "every pod".</summary>
    [StepArgumentTransformation(@"(pod \d+|every pod|each pod|all pods)")]
    public static PodSelection Pods(string text) => PodSelection.Parse(text);

    /// <summary>"20 s", "the liveness detection bound", "the readiness detection bound", "the startup bound".</summary>
    [StepArgumentTransformation(@"(.+)")]
    public static Within Within(string text) => Drivers.Within.Parse(text);

    /// <summary>"liveness", "readiness", "startup".</summary>
    [StepArgumentTransformation(@"(liveness|readiness|startup)")]
    public static ProbeKind Probe(string text) => Enum.Parse<ProbeKind>(text, ignoreCase: true);

    /// <summary>"ready=false, serving=true, terminating=true".</summary>
    [StepArgumentTransformation(@"((?:ready|serving|terminating)=(?:true|false)(?:,? (?:and )?(?:ready|serving|terminating)=(?:true|false))*)")]
    public static EndpointConditions Conditions(string text) => EndpointConditions.Parse(text);
}
