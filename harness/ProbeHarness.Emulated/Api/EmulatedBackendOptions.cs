using ProbeHarness.Emulated.Images;
using ProbeHarness.Kubelet;

namespace ProbeHarness.Emulated.Api;

/// <summary>Settings of the emulated backend.</summary>
public sealed record EmulatedBackendOptions
{
    /// <summary>The environment variable naming the folder for run directories (default <c>/tmp/probe-harness/emulated</c>).</summary>
    public const string RootVariable = "HARNESS_EMULATED_ROOT";

    /// <summary>The kubelet settings every pod's kubelet uses (version, back-off, node name).</summary>
    public KubeletOptions Kubelet { get; init; } = new();

    /// <summary>The folder holding one directory per run (process records, pod directories, logs, subnet claims).</summary>
    public string RootDirectory { get; init; } =
        Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root
            ? root
            : Path.Combine(Path.GetTempPath(), "probe-harness", "emulated");

    /// <summary>Where runs claim their loopback /16 (shared by every run on the machine, whatever its root directory).</summary>
    public string SubnetClaimsDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "probe-harness", "subnets");

    /// <summary>The image map; null loads <c>HARNESS_EMULATED_IMAGES</c> (if set) before the built-in <c>emulated-images.json</c>.</summary>
    public EmulatedImageMap? Images { get; init; }
}
