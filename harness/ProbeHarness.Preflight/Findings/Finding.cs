namespace ProbeHarness.Preflight.Findings;

/// <summary>One thing preflight found on a probe (or a missing one), where it is, what it does at runtime and how to fix it.</summary>
/// <param name="RuleId">The rule, e.g. <c>PH001</c>.</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="File">The manifest, relative to the working folder when inside it (forward slashes).</param>
/// <param name="Line">One-based line in <paramref name="File"/> (of the field, or of its nearest written parent when the field is absent).</param>
/// <param name="Field">The field path, e.g. <c>spec.template.spec.containers[0].livenessProbe.timeoutSeconds</c>.</param>
/// <param name="Workload">The object, e.g. <c>Deployment/target-app</c>.</param>
/// <param name="Container">The container's name.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
/// <param name="Runtime">What happens at runtime because of it.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string File,
    long Line,
    string Field,
    string Workload,
    string Container,
    string Message,
    string Runtime,
    string Fix);
