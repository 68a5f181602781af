using System.Reflection;

namespace ProbeHarness.Preflight.Output;

/// <summary>The tool's name, version and documentation address as SARIF and JSON name them.</summary>
public static class ToolInfo
{
    /// <summary>The tool name.</summary>
    public const string Name = "probe-harness-preflight";

    /// <summary>
    /// SARIF's <c>informationUri</c> (an absolute URI): the Kubernetes page on probe configuration the rules follow. The repository has no
    /// public address, so each rule's own documentation (docs/preflight.md) is named in its <c>help.text</c> instead of a <c>helpUri</c>.
    /// </summary>
    public const string InformationUri = "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/";

    /// <summary>The assembly's informational version without build metadata, e.g. <c>1.0.0</c>.</summary>
    public static string Version { get; } =
        (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0").Split('+')[0];
}
