using ProbeHarness.Cluster.Backends;

namespace ProbeHarness.Steps.Support;

/// <summary>How many scenarios run at once by default on each backend, measured on a 2-core machine (docs/benchmarks.md).</summary>
public static class ScenarioConcurrencyDefault
{
    /// <summary>The default cap for <paramref name="kind"/>: 16 on the emulated backend; 4 on a real cluster, whose control plane and kubelet share the machine's cores (at 8 about 1 % of scenario runs failed on slow container starts; at 16 half of them, at load 29).</summary>
    public static int For(BackendKind kind) => kind == BackendKind.Emulated ? 16 : 4;
}
