using ProbeHarness.Kubelet.Semantics;
namespace ProbeHarness.Kubelet;

/// <summary>Settings of the emulated kubelet: node identity, behaviour profile and the timings it uses.</summary>
public sealed record KubeletOptions
{
    /// <summary>The node name written to <c>spec.nodeName</c> and event sources; "emulated" so every object says it is emulated.</summary>
    public string NodeName { get; init; } = "emulated";

    /// <summary>The emulated kubelet version, e.g. <c>v1.32</c>; selects the behaviour profile and the <c>kube-probe/x.y</c> user agent.</summary>
    public string KubeletVersion { get; init; } = "v1.32";

    /// <summary>The first CrashLoopBackOff delay (kubelet <c>flowcontrol.NewBackOff</c> initial, §1.6).</summary>
    public TimeSpan BackOffInitial { get; init; } = ProbeDefaults.InitialBackOff;

    /// <summary>The CrashLoopBackOff ceiling (§1.6); a back-off entry expires when an exit comes more than twice this after its last update.</summary>
    public TimeSpan BackOffMax { get; init; } = ProbeDefaults.MaxBackOff;

    /// <summary>The host address written to <c>status.hostIP</c>.</summary>
    public string HostIp { get; init; } = "127.0.0.1";

    /// <summary>
    /// The pod worker's retry delay after a sync that failed, e.g. because a container is in back-off
    /// (kubelet <c>backOffPeriod</c>, stretched by a random 0–50 %, §1.6): restarts land 0–15 s after the nominal back-off, as §2 measured.
    /// </summary>
    public TimeSpan SyncRetryPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The pod worker's periodic resync after a successful sync (kubelet <c>syncFrequency</c>, stretched by a random 0–50 %);
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off. The v1.20 profile kills a container that failed its startup probe only here (§2).
    /// </summary>
    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The source of the kubelet's jitter (sync retries, resyncs); seed it for reproducible timelines. Shared safely between pods.</summary>
    public Random Random { get; init; } = new(0);

    /// <summary>Receives diagnostics (unexpected errors inside the kubelet loop); null discards them.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>
    /// The kubelet log (klog text) every pod's kubelet writes its probe failures, kills, container starts and Ready changes to,
    /// worded like the emulated version's kubelet; the timing check compares it with the harness's records. Null writes none.
    /// </summary>
    public KubeletLog.KubeletLogWriter? Klog { get; init; }

    /// <summary>The behaviour profile <see cref="KubeletVersion"/> selects: <see cref="KubeletProfile.V120"/> for "v1.20…", else <see cref="KubeletProfile.V132"/>.</summary>
    public KubeletProfile Profile =>
        KubeletVersion.StartsWith("v1.20", StringComparison.Ordinal) ? KubeletProfile.V120 : KubeletProfile.V132;

    /// <summary>The probe user agent, <c>kube-probe/&lt;major&gt;.&lt;minor&gt;</c> (§1.9), e.g. <c>kube-probe/1.32</c>.</summary>
    public string ProbeUserAgent
    {
        get
        {
            var parts = KubeletVersion.TrimStart('v').Split('.');
            return parts.Length >= 2 ? $"kube-probe/{parts[0]}.{parts[1]}" : $"kube-probe/{KubeletVersion.TrimStart('v')}";
        }
    }

    /// <summary>Returns <paramref name="duration"/> stretched by a random 0–<paramref name="maxFactor"/> of itself (apimachinery <c>wait.Jitter</c>).</summary>
    internal TimeSpan Jitter(TimeSpan duration, double maxFactor)
    {
        double sample;
        lock (Random)
        {
            sample = Random.NextDouble();
        }

        return duration + (duration * (sample * maxFactor));
    }
}
