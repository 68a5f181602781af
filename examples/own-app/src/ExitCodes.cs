namespace OwnApp;

/// <summary>The exit codes the service chooses itself (SIGKILL gives 137).</summary>
public static class ExitCodes
{
    /// <summary>Graceful stop after SIGTERM or SIGINT.</summary>
    public const int Stopped = 0;

    /// <summary>An environment variable is invalid.</summary>
    public const int BadSettings = 2;

    /// <summary>A listener could not open (e.g. the port is in use).</summary>
    public const int ListenFailed = 3;
}
