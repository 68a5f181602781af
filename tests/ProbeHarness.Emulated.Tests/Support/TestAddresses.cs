using ProbeHarness.Emulated.Network;

namespace ProbeHarness.Emulated.Tests.Support;

/// <summary>One loopback /16 for the whole test process, so parallel tests never share an address.</summary>
internal static class TestAddresses
{
    private static readonly LoopbackAddressPool Pool = new(Path.Combine(Path.GetTempPath(), "probe-harness", "subnets"));

    /// <summary>A fresh loopback address.</summary>
    public static string Next() => Pool.Allocate();
}
