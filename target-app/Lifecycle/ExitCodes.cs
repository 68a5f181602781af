namespace ProbeHarness.TargetApp.Lifecycle;

/// <summary>The process exit codes the app itself chooses (a crash uses the code the API asked for; SIGKILL gives 137).</summary>
public static class ExitCodes
{
    /// <summary>Graceful stop after SIGTERM/SIGINT, unless <c>EXIT_CODE_ON_SIGTERM</c> says otherwise.</summary>
    public const int Stopped = 0;

    /// <summary>An environment variable (or the persisted fault state) is invalid.</summary>
    public const int BadSettings = 2;

    /// <summary>A listener could not open (e.g. the port is in use).</summary>
    public const int ListenFailed = 3;
}
