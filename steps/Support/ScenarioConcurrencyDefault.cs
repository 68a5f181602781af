using ProbeHarness.Cluster.Backends;

namespace ProbeHarness.Steps.Support;

/// <summary>How many scenarios run at once by default on each backend, measured on a 2-core machine (docs/benchmarks.md).</summary>
public static class ScenarioConcurrencyDefault
{
    /// <summary>The default cap for <paramref name="kind"/>: 16 on the emulated backend; 8 on a real cluster, whose control plane and kubelet share the machine's cores (at 16 half the scenario runs failed, at load 29).</summary>
    public static int For(BackendKind kind) => kind == BackendKind.Emulated ? 16 : 8;
}
