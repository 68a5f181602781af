using k8s;
using k8s.Models;

namespace ProbeHarness.Kubelet.Semantics;

/// <summary>The API server's probe defaults (§1.0, <c>pkg/apis/core/v1/defaults.go</c>): what an omitted or zero field means.</summary>
public static class ProbeDefaults
{
    /// <summary>Default <c>timeoutSeconds</c>.</summary>
    public const int TimeoutSeconds = 1;

    /// <summary>Default <c>periodSeconds</c>.</summary>
    public const int PeriodSeconds = 10;

    /// <summary>Default <c>successThreshold</c>.</summary>
    public const int SuccessThreshold = 1;

    /// <summary>Default <c>failureThreshold</c>.</summary>
    public const int FailureThreshold = 3;

    /// <summary>Default pod <c>terminationGracePeriodSeconds</c> (<c>SetDefaults_PodSpec</c>).</summary>
    public const long PodTerminationGracePeriodSeconds = 30;

    /// <summary>The first CrashLoopBackOff delay (kubelet <c>flowcontrol.NewBackOff</c> initial, §1.6).</summary>
    public static readonly TimeSpan InitialBackOff = TimeSpan.FromSeconds(10);

    /// <summary>The CrashLoopBackOff ceiling (§1.6).</summary>
    public static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(300);

    /// <summary>
    /// Returns a copy of <paramref name="probe"/> with the defaults applied: like Go's <c>SetDefaults_Probe</c>, a zero or missing
    /// timeout/period/threshold takes its default (negative values stay, for validation to reject); an HTTP GET gets path <c>/</c>
    /// and scheme <c>HTTP</c>; initialDelaySeconds becomes 0 when missing.
    /// </summary>
    public static V1Probe Apply(V1Probe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var copy = KubernetesJson.Deserialize<V1Probe>(KubernetesJson.Serialize(probe));
        copy.TimeoutSeconds = OrDefault(copy.TimeoutSeconds, TimeoutSeconds);
        copy.PeriodSeconds = OrDefault(copy.PeriodSeconds, PeriodSeconds);
        copy.SuccessThreshold = OrDefault(copy.SuccessThreshold, SuccessThreshold);
        copy.FailureThreshold = OrDefault(copy.FailureThreshold, FailureThreshold);
        copy.InitialDelaySeconds ??= 0;
        if (copy.HttpGet is { } http)
        {
            if (string.IsNullOrEmpty(http.Path))
            {
                http.Path = "/";
            }

            if (string.IsNullOrEmpty(http.Scheme))
            {
                http.Scheme = "HTTP";
            }
        }

        return copy;
    }

    /// <summary>The pod's termination grace period with its default: <c>spec.terminationGracePeriodSeconds</c> or 30.</summary>
    public static long PodGracePeriodSeconds(V1PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.TerminationGracePeriodSeconds ?? PodTerminationGracePeriodSeconds;
    }

    private static int OrDefault(int? value, int fallback) => value is null or 0 ? fallback : value.Value;
}
