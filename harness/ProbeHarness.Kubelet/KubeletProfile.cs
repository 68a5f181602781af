namespace ProbeHarness.Kubelet;

/// <summary>Which kubelet's behaviour the emulator reproduces where versions differ (§2).</summary>
public enum KubeletProfile
{
    /// <summary>v1.32 (the default): readiness re-probed on every pod sync, startup results sync the pod, "Created container: c".</summary>
    V132,

    /// <summary>v1.20.2: no readiness re-probe on sync, startup-failure kill waits for a periodic sync, empty exec-timeout message, bare-body redirect warning, "Created container c".</summary>
    V120,
}
