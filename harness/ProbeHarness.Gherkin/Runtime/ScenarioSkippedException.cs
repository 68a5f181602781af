namespace ProbeHarness.Gherkin.Runtime;

/// <summary>Skips the running scenario; its message starts with xunit v3's dynamic skip token.</summary>
public sealed class ScenarioSkippedException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> must start with the dynamic skip token.</summary>
    public ScenarioSkippedException(string message)
        : base(message)
    {
    }

    /// <summary>None: a skip is an outcome, not an error, and reports should not show a stack for it.</summary>
    public override string? StackTrace => null;
}
