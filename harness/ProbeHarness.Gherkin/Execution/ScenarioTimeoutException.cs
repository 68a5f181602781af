namespace ProbeHarness.Gherkin.Execution;

/// <summary>A scenario ran past its <see cref="ScenarioTimeout"/>; the message names the timeout, the setting and the step it was in.</summary>
public sealed class ScenarioTimeoutException : Exception
{
    /// <summary>Creates the exception for <paramref name="scenario"/>, which was at <paramref name="location"/> (or null) when its timeout passed.</summary>
    public ScenarioTimeoutException(string scenario, ScenarioTimeout timeout, string? location, Exception? inner)
        : base(
            $"Scenario \"{scenario}\" ran past its timeout of {timeout} ({ScenarioTimeout.Variable}, default {ScenarioTimeout.DefaultSeconds} s, "
            + $"at most {ScenarioTimeout.CeilingSeconds} s){(location is null ? string.Empty : $" in {location}")}; the steps left were not run. "
            + $"Raise {ScenarioTimeout.Variable} to allow more.",
            inner)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that passed.</summary>
    public ScenarioTimeout Timeout { get; }
}
