namespace ProbeHarness.Cluster.Backends;

/// <summary>An environment variable that configures the backend holds a value the harness cannot use; the message names the variable.</summary>
public sealed class BackendOptionsException : Exception
{
    /// <summary>Creates the exception with a message naming the variable and the values it accepts.</summary>
    public BackendOptionsException(string message) : base(message) { }
}
