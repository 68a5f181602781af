using System.Globalization;

namespace ProbeHarness.Emulated.Tests.Support;

/// <summary>What this test process may do that needs privileges.</summary>
internal static class Privileges
{
    /// <summary>Why a test that lowers a nice value is skipped without the privilege.</summary>
    public const string NeedsSysNice = "lowering a nice value below 0 needs root or CAP_SYS_NICE; without it the emulated backend runs at normal priority";

    private const int CapSysNice = 23;

    /// <summary>Whether the effective capabilities hold CAP_SYS_NICE (root has it unless dropped).</summary>
    public static bool MayRaisePriority { get; } = File.ReadLines("/proc/self/status")
        .Where(line => line.StartsWith("CapEff:", StringComparison.Ordinal))
        .Select(line => ulong.Parse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture))
        .Any(mask => (mask & (1UL << CapSysNice)) != 0);
}
