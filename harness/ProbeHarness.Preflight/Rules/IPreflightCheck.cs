using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Rules;

/// <summary>One preflight rule: its description and the check that finds its findings in one container.</summary>
public interface IPreflightCheck
{
    /// <summary>The rule this check reports under.</summary>
    PreflightRule Rule { get; }

    /// <summary>The findings of this rule in <paramref name="container"/>.</summary>
    IEnumerable<Finding> Check(ContainerContext container);
}
