using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Rules;

/// <summary>A rule's fixed description: what SARIF's <c>tool.driver.rules[]</c> and docs/preflight.md list.</summary>
/// <param name="Id">e.g. <c>PH001</c>.</param>
/// <param name="Name">A short kebab-case name, e.g. <c>missing-readiness-probe</c>.</param>
/// <param name="DefaultSeverity">The severity of its findings unless a finding says otherwise.</param>
/// <param name="Description">One sentence saying what it checks.</param>
/// <param name="Mistake">The "Common Mistakes" entry of the probes article it covers, or the source of the rule.</param>
public sealed record PreflightRule(string Id, string Name, Severity DefaultSeverity, string Description, string Mistake)
{
    /// <summary>The rule's section in docs/preflight.md (SARIF <c>helpUri</c>), relative to the repository root.</summary>
    public string HelpPath => $"docs/preflight.md#{Id.ToLowerInvariant()}-{Name}";
}
