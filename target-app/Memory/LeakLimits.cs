namespace ProbeHarness.TargetApp.Memory;

/// <summary>How much <c>POST /faults/leak</c> may leak: per call and in all for the process (a restart starts again at 0).</summary>
/// <param name="PerCallMegabytes">The most one call may leak (<c>LEAK_MAX_MEGABYTES_PER_CALL</c>, default 512).</param>
/// <param name="TotalMegabytes">The most the process may leak in all (<c>LEAK_MAX_MEGABYTES_TOTAL</c>, default 1024).</param>
public sealed record LeakLimits(int PerCallMegabytes, int TotalMegabytes)
{
    /// <summary>The environment variable of <see cref="PerCallMegabytes"/>.</summary>
    public const string PerCallVariable = "LEAK_MAX_MEGABYTES_PER_CALL";

    /// <summary>The environment variable of <see cref="TotalMegabytes"/>.</summary>
    public const string TotalVariable = "LEAK_MAX_MEGABYTES_TOTAL";

    /// <summary>The highest value either variable may hold (64 GiB).</summary>
    public const int MaxMegabytes = 65_536;

    /// <summary>The defaults, sized for a 2-core 24 GiB machine running several pods: 512 MB a call, 1024 MB a process.</summary>
    public static LeakLimits Default { get; } = new(512, 1024);
}
