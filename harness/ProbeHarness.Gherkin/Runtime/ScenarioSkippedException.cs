namespace ProbeHarness.Gherkin.Runtime;

/// <summary>Skips the running scenario; its message starts with xunit v3's dynamic skip token.</summary>
public sealed class ScenarioSkippedException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> must start with the dynamic skip token.</summary>
    public ScenarioSkippedException(string message)
        : base(message)
    {
    }
}
