namespace ProbeHarness.Cluster;

/// <summary>A previous log was asked for, but the container has no terminated instance before the current one (the API answers 400).</summary>
/// <remarks>An <see cref="InvalidOperationException"/>, so callers that treat every unreadable log alike need not change.</remarks>
public sealed class NoPreviousContainerException : InvalidOperationException
{
    /// <summary>Creates the exception with the message that names the container and pod.</summary>
    public NoPreviousContainerException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the API error it stands for.</summary>
    public NoPreviousContainerException(string message, Exception innerException) : base(message, innerException) { }
}
