using Reqnroll;
using ProbeHarness.Steps.Drivers;

namespace ProbeHarness.Steps.Steps;

/// <summary>Turns the recurring phrases of the step vocabulary into typed arguments.</summary>
[Binding]
public sealed class StepArguments
{
    /// <summary>A whole number such as a count or seconds; one beyond a 32-bit integer is refused naming it (not an overflow).</summary>
    [StepArgumentTransformation(@"(-?\d+)")]
    public static int Whole(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ScenarioInputException($"'{text}' is out of range: a whole number from {int.MinValue} to {int.MaxValue} is allowed here.");

    /// <summary>A number of seconds such as "2.5"; one beyond <see cref="Expectations.MaxWait"/> is refused naming it.</summary>
    [StepArgumentTransformation(@"(\d+(?:\.\d+)?)")]
    public static double Seconds(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && value <= Expectations.MaxWait.TotalSeconds
            ? value
            : throw new ScenarioInputException($"'{text}' is out of range: a number of seconds from 0 to {Expectations.MaxWait.TotalSeconds:0} is allowed here.");

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
