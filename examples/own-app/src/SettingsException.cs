namespace OwnApp;

/// <summary>An environment variable has a value the service cannot use; the process exits with <see cref="ExitCodes.BadSettings"/>.</summary>
public sealed class SettingsException : Exception
{
    /// <summary>Creates the error for <paramref name="variable"/>.</summary>
    public SettingsException(string variable, string message)
        : base(message)
    {
        Variable = variable;
    }

    /// <summary>The environment variable at fault.</summary>
    public string Variable { get; }
}
