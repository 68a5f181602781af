namespace ProbeHarness.Kubelet.Tests.Fakes;

/// <summary>How a fake container reacts: to SIGTERM, and whether it crashes by itself.</summary>
public sealed record FakeContainerBehaviour
{
    /// <summary>Time from SIGTERM to exit; null when the process ignores SIGTERM and dies by SIGKILL at the deadline (137).</summary>
    public TimeSpan? ExitAfterSigterm { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Exit code after SIGTERM (143 = killed by the signal; anything else = the app trapped it).</summary>
    public int SigtermExitCode { get; init; } = 143;

    /// <summary>The instance exits by itself this long after it starts; null = runs until stopped.</summary>
    public TimeSpan? CrashAfter { get; init; }

    /// <summary>Exit code of a crash.</summary>
    public int CrashExitCode { get; init; } = 1;
}
