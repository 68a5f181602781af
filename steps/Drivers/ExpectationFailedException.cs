namespace ProbeHarness.Steps.Drivers;

/// <summary>The cluster did not do what the scenario expects; the message says what was expected, by when, and what was seen.</summary>
public sealed class ExpectationFailedException : Exception
{
    /// <summary>Creates the exception with the expectation and what was seen.</summary>
    public ExpectationFailedException(string message) : base(message) { }
}
