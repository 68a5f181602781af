namespace ProbeHarness.Steps.Drivers;

/// <summary>A step's text or table asks for something the step library does not know; the message names the column, row and allowed values.</summary>
public sealed class ScenarioInputException : Exception
{
    /// <summary>Creates the exception with a message naming what was wrong and what is allowed.</summary>
    public ScenarioInputException(string message) : base(message) { }
}
