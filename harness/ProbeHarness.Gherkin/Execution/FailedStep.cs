namespace ProbeHarness.Gherkin.Execution;

/// <summary>
/// The first step that left its scenario not OK, as the adapter located it. Registered in the scenario's container
/// before the after-scenario hooks run, so they can name the file and line (Reqnroll's own errors do not).
/// </summary>
/// <param name="FeaturePath">The feature file's path as the suite names it.</param>
/// <param name="Line">The 1-based line of the step.</param>
/// <param name="Step">The step as written, keyword included (<c>When I press add</c>).</param>
public sealed record FailedStep(string FeaturePath, int Line, string Step)
{
    /// <summary>The step as <c>path:line: step</c>.</summary>
    public override string ToString() => $"{FeaturePath}:{Line}: {Step}";
}
