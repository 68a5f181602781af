namespace ProbeHarness.Cluster;

/// <summary>The chosen backend cannot start or was lost; the message names what is missing.</summary>
public sealed class ClusterUnavailableException : Exception
{
    /// <summary>Creates the exception with a message that names what is missing.</summary>
    public ClusterUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ClusterUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
