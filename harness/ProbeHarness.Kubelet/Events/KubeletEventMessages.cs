using k8s.Models;
using ProbeHarness.Kubelet.Internal;
using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Kubelet.Events;

/// <summary>The kubelet's event reasons and message texts (§1.10), per behaviour profile where they differ.</summary>
public static class KubeletEventMessages
{
    /// <summary>Reason of a failed or errored probe.</summary>
    public const string Unhealthy = "Unhealthy";

    /// <summary>Reason of a probe that passed with a warning.</summary>
    public const string ProbeWarning = "ProbeWarning";

    /// <summary>Reason of a container being stopped.</summary>
    public const string Killing = "Killing";

    /// <summary>Reason of a restart held back by CrashLoopBackOff.</summary>
    public const string BackOff = "BackOff";

    /// <summary>Reason of an image found locally before a start.</summary>
    public const string Pulled = "Pulled";

    /// <summary>Reason of a container created.</summary>
    public const string Created = "Created";

    /// <summary>Reason of a container started.</summary>
    public const string Started = "Started";

    /// <summary>Reason of a container that could not be started.</summary>
    public const string Failed = "Failed";

    /// <summary><c>&lt;Type&gt; probe failed: &lt;output&gt;</c>.</summary>
    public static string ProbeFailed(ProbeType type, string output) => $"{type} probe failed: {output}";

    /// <summary><c>&lt;Type&gt; probe warning: &lt;output&gt;</c>.</summary>
    public static string ProbeWarned(ProbeType type, string output) => $"{type} probe warning: {output}";

    /// <summary>v1.32: <c>&lt;Type&gt; probe errored and resulted in &lt;result&gt; state: &lt;err&gt;</c>; v1.20: <c>&lt;Type&gt; probe errored: &lt;err&gt;</c>.</summary>
    public static string ProbeErrored(KubeletProfile profile, ProbeType type, string result, string error) =>
        profile == KubeletProfile.V120 ? $"{type} probe errored: {error}" : $"{type} probe errored and resulted in {result} state: {error}";

    /// <summary><c>Container &lt;c&gt; failed liveness|startup probe[, will be restarted]</c>.</summary>
    public static string FailedProbeKill(string container, ProbeType type, bool willRestart) =>
        $"Container {container} failed {type.ToString().ToLowerInvariant()} probe" + (willRestart ? ", will be restarted" : string.Empty);

    /// <summary><c>Stopping container &lt;c&gt;</c> (pod deletion).</summary>
    public static string Stopping(string container) => $"Stopping container {container}";

    /// <summary><c>Back-off restarting failed container &lt;c&gt; in pod &lt;name&gt;_&lt;ns&gt;(&lt;uid&gt;)</c>.</summary>
    public static string BackOffRestarting(string container, V1Pod pod) => $"Back-off restarting failed container {container} in pod {FormatPod(pod)}";

    /// <summary>The CrashLoopBackOff waiting message: <c>back-off &lt;dur&gt; restarting failed container=&lt;c&gt; pod=&lt;name&gt;_&lt;ns&gt;(&lt;uid&gt;)</c>.</summary>
    public static string CrashLoopWaiting(TimeSpan delay, string container, V1Pod pod) =>
        $"back-off {GoDuration.Format(delay)} restarting failed container={container} pod={FormatPod(pod)}";

    /// <summary><c>Container image "&lt;image&gt;" already present on machine</c>.</summary>
    public static string ImagePresent(string image) => $"Container image \"{image}\" already present on machine";

    /// <summary>v1.32: <c>Created container: &lt;c&gt;</c>; v1.20: <c>Created container &lt;c&gt;</c>.</summary>
    public static string CreatedContainer(KubeletProfile profile, string container) =>
        profile == KubeletProfile.V120 ? $"Created container {container}" : $"Created container: {container}";

    /// <summary><c>Started container &lt;c&gt;</c>.</summary>
    public static string StartedContainer(string container) => $"Started container {container}";

    /// <summary>kubelet <c>format.Pod</c>: <c>&lt;name&gt;_&lt;namespace&gt;(&lt;uid&gt;)</c>.</summary>
    public static string FormatPod(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return $"{pod.Metadata?.Name}_{pod.Metadata?.NamespaceProperty}({pod.Metadata?.Uid})";
    }
}
