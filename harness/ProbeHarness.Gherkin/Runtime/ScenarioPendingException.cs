namespace ProbeHarness.Gherkin.Runtime;

/// <summary>
/// A scenario that could not run to its end because a step is pending or has no binding. xunit has no "pending"
/// outcome, so the test fails, carrying Reqnroll's message (for an undefined step: the binding skeleton to paste).
/// </summary>
public sealed class ScenarioPendingException : Exception
{
    /// <summary>Creates the exception with Reqnroll's message.</summary>
    public ScenarioPendingException(string message)
        : base(message)
    {
    }
}
