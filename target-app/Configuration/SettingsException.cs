namespace ProbeHarness.TargetApp.Configuration;

/// <summary>An environment variable holds a value the app cannot use; the message names the variable and the problem.</summary>
public sealed class SettingsException : Exception
{
    /// <summary>Creates the exception for <paramref name="variable"/> with a message saying what is wrong.</summary>
    public SettingsException(string variable, string problem)
        : base($"{variable}: {problem}")
    {
        Variable = variable;
    }

    /// <summary>The environment variable at fault.</summary>
    public string Variable { get; }
}
